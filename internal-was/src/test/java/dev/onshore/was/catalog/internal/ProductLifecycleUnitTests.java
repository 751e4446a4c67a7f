package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductApproved;
import dev.onshore.was.catalog.ProductPublished;
import dev.onshore.was.catalog.ProductRejected;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductSubmitted;
import dev.onshore.was.catalog.ProductSuspended;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.Sku;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.AbstractAggregateRoot;

class ProductLifecycleUnitTests {

    private static final Operator EDITOR = new Operator("editor");
    private static final Operator REVIEWER = new Operator("reviewer");

    private static Product draft() {
        return new Product(new Sku("HS-LIFE-1"), "Brand", new BigDecimal("10000"), "KRW")
                .translate("en", new ProductTranslation("Test", "A test"))
                .offer("SG", new MarketOffer("SGD", new BigDecimal("10")));
    }

    /** The events the aggregate registered, by type, in order (what Spring Data publishes on save). */
    private static List<Class<?>> events(Product product) {
        try {
            var method = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
            method.setAccessible(true);
            var events = new ArrayList<Class<?>>();
            ((java.util.Collection<?>) method.invoke(product)).forEach(event -> events.add(event.getClass()));
            return events;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDraftGoesThroughSubmissionAndApprovalByAnotherOperatorBeforeItIsPublished() {
        var product = draft();
        product.submit(EDITOR);
        assertThat(product.status()).isEqualTo(ProductStatus.PENDING_APPROVAL);
        assertThat(product.submittedBy()).isEqualTo("editor");
        product.approve(REVIEWER);
        assertThat(product.status()).isEqualTo(ProductStatus.APPROVED);
        assertThat(product.approvedBy()).isEqualTo("reviewer");
        product.publish(EDITOR).suspend(REVIEWER).publish(REVIEWER);
        assertThat(product.status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(events(product)).containsSubsequence(ProductSubmitted.class, ProductApproved.class,
                ProductPublished.class, ProductSuspended.class, ProductPublished.class);
        assertThat(product.lifecycle()).extracting(LifecycleStep::to).containsExactly(ProductStatus.PENDING_APPROVAL,
                ProductStatus.APPROVED, ProductStatus.PUBLISHED, ProductStatus.SUSPENDED, ProductStatus.PUBLISHED);
        assertThat(product.lifecycle()).extracting(LifecycleStep::operator)
                .containsExactly("editor", "reviewer", "editor", "reviewer", "reviewer");
    }

    @Test
    void theOperatorWhoSubmittedCannotApproveTheirOwnSubmission() {
        var product = draft().submit(EDITOR);
        assertThatThrownBy(() -> product.approve(EDITOR)).isInstanceOfSatisfying(SelfApprovalException.class,
                e -> assertThat(e.operator()).isEqualTo(EDITOR));
        assertThat(product.status()).isEqualTo(ProductStatus.PENDING_APPROVAL);
        assertThat(product.approvedBy()).isNull();
        assertThat(product.lifecycle()).hasSize(1);
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        var product = draft();
        assertThatThrownBy(() -> product.publish(EDITOR)).isInstanceOfSatisfying(
                IllegalProductTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ProductStatus.DRAFT);
                    assertThat(e.to()).isEqualTo(ProductStatus.PUBLISHED);
                });
        assertThatThrownBy(() -> product.approve(REVIEWER)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.suspend(REVIEWER)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.reject(REVIEWER, "no")).isInstanceOf(IllegalProductTransitionException.class);
        product.submit(EDITOR);
        assertThatThrownBy(() -> product.submit(EDITOR)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.publish(REVIEWER)).as("not approved yet")
                .isInstanceOf(IllegalProductTransitionException.class);
        product.approve(REVIEWER).publish(REVIEWER);
        assertThatThrownBy(() -> product.publish(REVIEWER)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.submit(EDITOR)).isInstanceOf(IllegalProductTransitionException.class);
        assertThat(product.status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(product.lifecycle()).hasSize(3);
    }

    @Test
    void aRejectionSendsTheProductBackToDraftWithItsReason() {
        var product = draft().submit(EDITOR).reject(REVIEWER, "  Halal certificate scan is missing ");
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(product.submittedBy()).isNull();
        assertThat(product.lifecycle().getLast().note()).isEqualTo("Halal certificate scan is missing");
        assertThat(events(product)).endsWith(ProductRejected.class);
        assertThatThrownBy(() -> draft().submit(EDITOR).reject(REVIEWER, " "))
                .isInstanceOf(IllegalArgumentException.class);
        // Resubmitted by someone else, the first editor may now approve.
        product.submit(REVIEWER).approve(EDITOR);
        assertThat(product.status()).isEqualTo(ProductStatus.APPROVED);
    }

    @Test
    void changingContentWithdrawsASubmissionOrApprovalButNotAPublication() {
        var pending = draft().submit(EDITOR);
        pending.offer("SG", new MarketOffer("SGD", new BigDecimal("12")));
        assertThat(pending.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(pending.submittedBy()).isNull();

        var approved = draft().submit(EDITOR).approve(REVIEWER);
        approved.translate("en", new ProductTranslation("Changed", "after approval"));
        assertThat(approved.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(approved.approvedBy()).isNull();
        assertThat(approved.lifecycle().getLast().operator()).isNull();
        assertThat(approved.lifecycle().getLast().note()).contains("approval was withdrawn");
        assertThatThrownBy(() -> approved.publish(REVIEWER)).isInstanceOf(IllegalProductTransitionException.class);

        var published = draft().submit(EDITOR).approve(REVIEWER).publish(REVIEWER);
        published.recordRegulatory("SG", Map.of());
        published.offer("SG", new MarketOffer("SGD", new BigDecimal("9.90")));
        assertThat(published.status()).isEqualTo(ProductStatus.PUBLISHED);
        var suspended = published.suspend(REVIEWER);
        suspended.categorize("health");
        assertThat(suspended.status()).isEqualTo(ProductStatus.SUSPENDED);
        assertThat(suspended.publish(EDITOR).status()).isEqualTo(ProductStatus.PUBLISHED);
    }

    @Test
    void operatorNamesAreChecked() {
        assertThat(Operator.parseOrNull("kim.minji@onshore")).isEqualTo(new Operator("kim.minji@onshore"));
        assertThat(Operator.parseOrNull("김민지")).isNotNull();
        assertThat(Operator.parseOrNull("")).isNull();
        assertThat(Operator.parseOrNull("a b")).isNull();
        assertThat(Operator.parseOrNull("x".repeat(81))).isNull();
        assertThat(Operator.parseOrNull("evil\r\nX-Injected: 1")).isNull();
    }
}
