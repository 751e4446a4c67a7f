package dev.onshore.was.catalog.search;

import dev.onshore.was.catalog.internal.Product;
import java.util.Map;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Maps the product aggregate to its search index ({@value #INDEX}, documents written by
 * {@link ProductDocumentBinder}), so that the aggregate itself carries no search annotations. It hands itself to
 * Hibernate Search as the mapping configurer when the entity manager factory is built, and only where the catalog
 * is part of the application (a module test without the catalog has no product to index).
 */
@Component
class ProductSearchMapping implements HibernateOrmSearchMappingConfigurer, HibernatePropertiesCustomizer {

    static final String INDEX = "product";

    private final ProductDocumentBinder binder;

    ProductSearchMapping(ProductDocumentBinder binder) {
        this.binder = binder;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put("hibernate.search.mapping.configurer", this);
    }

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        var product = context.programmaticMapping().type(Product.class);
        product.indexed().index(INDEX);
        product.binder(binder);
    }
}
