package dev.onshore.was.catalog.internal;

import java.util.List;
import java.util.Map;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Maps the product aggregate to its tables ({@value #MAPPING}), so that {@link Product} itself carries no
 * persistence annotations. Like the search mapping, it is handed to Hibernate when the entity manager factory is
 * built, and only where the catalog is part of the application (a module test without the catalog maps no product).
 */
@Component
class ProductTableMapping implements HibernatePropertiesCustomizer {

    static final String MAPPING = "dev/onshore/was/catalog/internal/product.orm.xml";

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(AvailableSettings.ORM_XML_FILES, List.of(MAPPING));
    }
}
