package dev.onshore.was.catalog.internal;

import dev.onshore.was.catalog.ProductCatalog;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductView;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.UnknownProductException;
import java.util.Currency;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class CatalogService implements ProductCatalog {

    private final Products products;

    CatalogService(Products products) {
        this.products = products;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductView> listForShoppers(String market, String language) {
        return products.findByStatusOrderBySku(ProductStatus.PUBLISHED).stream()
                .filter(product -> product.offerIn(market).isPresent())
                .map(product -> view(product, market, language))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProductView> listForOperators(String language) {
        return products.findAllByOrderBySku().stream().map(product -> {
            var text = product.translation(language);
            return new ProductView(product.sku().value(), product.brand(), text.name(), text.summary(),
                    product.hasTranslation(language) ? language : "en", product.basePrice(),
                    Currency.getInstance(product.baseCurrency()), product.status());
        }).toList();
    }

    @Override
    public ProductView publish(Sku sku) {
        return operatorView(products.save(find(sku).publish()));
    }

    @Override
    public ProductView suspend(Sku sku) {
        return operatorView(products.save(find(sku).suspend()));
    }

    private Product find(Sku sku) {
        return products.findBySku(sku.value()).orElseThrow(() -> new UnknownProductException(sku.value()));
    }

    private ProductView operatorView(Product product) {
        var text = product.translation("en");
        return new ProductView(product.sku().value(), product.brand(), text.name(), text.summary(), "en",
                product.basePrice(), Currency.getInstance(product.baseCurrency()), product.status());
    }

    private static ProductView view(Product product, String market, String language) {
        var text = product.translation(language);
        var offer = product.offerIn(market).orElseThrow();
        return new ProductView(product.sku().value(), product.brand(), text.name(), text.summary(),
                product.hasTranslation(language) ? language : "en", offer.listPrice(),
                Currency.getInstance(offer.currency()), product.status());
    }
}
