package dev.onshore.was.catalog.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.onshore.was.audit.AuditTrail;
import dev.onshore.was.catalog.InvalidImageException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductMedia;
import dev.onshore.was.catalog.Sku;
import dev.onshore.was.catalog.internal.Product;
import dev.onshore.was.catalog.internal.Products;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * An image upload writes its file with no transaction open, so that a slow media directory (a NAS) holds no pool
 * connection: the service is called through the same transactional proxy Spring gives it, on a transaction manager
 * that writes down when transactions begin and end, and a store that writes down whether one was open as it wrote.
 */
class MediaServiceUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @TempDir
    Path directory;

    private final List<String> steps = new ArrayList<>();
    private final Products products = mock(Products.class);

    private ProductMedia media(Product product) {
        when(products.findBySku(product.sku().value())).thenReturn(Optional.of(product));
        when(products.save(any())).thenAnswer(invocation -> invocation.getArgument(0));
        var properties = new MediaProperties(directory, DataSize.ofMegabytes(5));
        var store = new MediaStore(properties) {
            @Override
            public String store(byte[] bytes, ImageFormat format) {
                steps.add(TransactionSynchronizationManager.isActualTransactionActive() ? "file written in a transaction"
                        : "file written");
                return super.store(bytes, format);
            }
        };
        AuditTrail audit = (action, target, before, after) -> steps.add(
                TransactionSynchronizationManager.isActualTransactionActive() ? "audited" : "audited outside");
        var transactions = new RecordingTransactions(steps);
        var service = new MediaService(products, store, properties, audit, Clock.fixed(NOW, ZoneOffset.UTC),
                transactions);
        var proxy = new ProxyFactory(service);
        proxy.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
        return (ProductMedia) proxy.getProxy();
    }

    private static Product product() {
        return new Product(new Sku("HS-IT-NAS-1"), "Brand", new BigDecimal("12000"), "KRW", NOW);
    }

    @Test
    void theImageFileIsWrittenWithNoTransactionOpenAndItsRowInAShortOneAfterIt() throws Exception {
        var product = product();
        var png = PlaceholderImages.bottle("NAS");

        var image = media(product).addImage(product.sku(), png, Map.of("en", "Bottle"), new Operator("photographer"));

        assertThat(steps).containsExactly("begin read-only", "commit", "file written", "begin", "audited", "commit");
        assertThat(Files.readAllBytes(directory.resolve(image.url().substring("/media/".length())))).isEqualTo(png);
        assertThat(product.images()).singleElement()
                .satisfies(added -> assertThat(added.fileName()).isEqualTo(MediaStore.nameOf(png, ImageFormat.PNG)));
    }

    @Test
    void aRefusedUploadWritesNoFile() throws Exception {
        var product = product();

        assertThatThrownBy(() -> media(product).addImage(product.sku(), "GIF89a".getBytes(), Map.of("en", "x"),
                new Operator("photographer"))).isInstanceOf(InvalidImageException.class);

        assertThat(steps).containsExactly("begin read-only", "commit");
        try (var files = Files.list(directory)) {
            assertThat(files).isEmpty();
        }
    }

    /**
     * Begins, commits and rolls back as a real manager does (propagation included: NOT_SUPPORTED opens none), and
     * writes each down; a read-only transaction says so.
     */
    private static final class RecordingTransactions extends AbstractPlatformTransactionManager {

        private final List<String> steps;
        private final ThreadLocal<Boolean> open = ThreadLocal.withInitial(() -> false);

        RecordingTransactions(List<String> steps) {
            this.steps = steps;
        }

        private record Transaction(boolean existing) {
        }

        @Override
        protected Object doGetTransaction() {
            return new Transaction(open.get());
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return ((Transaction) transaction).existing();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            open.set(true);
            steps.add(definition.isReadOnly() ? "begin read-only" : "begin");
        }

        @Override
        protected Object doSuspend(Object transaction) {
            open.set(false);
            return Boolean.TRUE;
        }

        @Override
        protected void doResume(Object transaction, Object suspended) {
            open.set(true);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            open.set(false);
            steps.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            open.set(false);
            steps.add("rollback");
        }
    }
}
