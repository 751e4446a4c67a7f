package dev.onshore.was.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onshore.was.catalog.IllegalProductTransitionException;
import dev.onshore.was.catalog.Operator;
import dev.onshore.was.catalog.ProductApproved;
import dev.onshore.was.catalog.ProductChanged;
import dev.onshore.was.catalog.ProductPublished;
import dev.onshore.was.catalog.ProductRejected;
import dev.onshore.was.catalog.ProductStatus;
import dev.onshore.was.catalog.ProductSubmitted;
import dev.onshore.was.catalog.ProductSuspended;
import dev.onshore.was.catalog.SelfApprovalException;
import dev.onshore.was.catalog.Sku;
import java.time.Instant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.AbstractAggregateRoot;

class ProductLifecycleUnitTests {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final Operator EDITOR = new Operator("editor");
    private static final Operator REVIEWER = new Operator("reviewer");

    private static Product draft() {
        return new Product(new Sku("HS-LIFE-1"), "Brand", new BigDecimal("10000"), "KRW", NOW)
                .translate("en", new ProductTranslation("Test", "A test"), NOW)
                .offer("SG", new MarketOffer("SGD", new BigDecimal("10")), NOW);
    }

    /** The events the aggregate registered, by type, in order (what Spring Data publishes on save). */
    private static List<Class<?>> events(Product product) {
        return registered(product).stream().<Class<?>>map(Object::getClass).toList();
    }

    /** The events the aggregate registered, in order. */
    private static List<Object> registered(Product product) {
        try {
            var method = AbstractAggregateRoot.class.getDeclaredMethod("domainEvents");
            method.setAccessible(true);
            return new ArrayList<>((java.util.Collection<?>) method.invoke(product));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyChangeStepAndEventHappensAtTheTimeTheCallerGives() {
        var created = Instant.parse("2031-05-01T08:00:00Z");
        var product = new Product(new Sku("HS-LIFE-2"), "Brand", new BigDecimal("10000"), "KRW", created);
        assertThat(product.updatedAt()).isEqualTo(created);
        var translated = created.plusSeconds(60);
        product.translate("en", new ProductTranslation("Test", "A test"), translated);
        assertThat(product.updatedAt()).isEqualTo(translated);
        var submitted = created.plusSeconds(3600);
        var approved = submitted.plusSeconds(3600);
        var published = approved.plusSeconds(3600);
        var suspended = published.plusSeconds(3600);
        product.submit(EDITOR, submitted).approve(REVIEWER, approved).publish(REVIEWER, published)
                .suspend(REVIEWER, suspended);
        assertThat(product.submittedAt()).isEqualTo(submitted);
        assertThat(product.approvedAt()).isEqualTo(approved);
        assertThat(product.updatedAt()).isEqualTo(suspended);
        assertThat(product.lifecycle()).extracting(LifecycleStep::occurredAt)
                .containsExactly(submitted, approved, published, suspended);
        assertThat(registered(product)).map(event -> switch (event) {
            case ProductChanged changed -> changed.occurredAt();
            case ProductSubmitted submittedEvent -> submittedEvent.occurredAt();
            case ProductApproved approvedEvent -> approvedEvent.occurredAt();
            case ProductPublished publishedEvent -> publishedEvent.occurredAt();
            case ProductSuspended suspendedEvent -> suspendedEvent.occurredAt();
            default -> throw new AssertionError("unexpected " + event);
        }).containsExactly(translated, submitted, approved, published, suspended);
    }

    @Test
    void aDraftGoesThroughSubmissionAndApprovalByAnotherOperatorBeforeItIsPublished() {
        var product = draft();
        product.submit(EDITOR, NOW);
        assertThat(product.status()).isEqualTo(ProductStatus.PENDING_APPROVAL);
        assertThat(product.submittedBy()).isEqualTo("editor");
        product.approve(REVIEWER, NOW);
        assertThat(product.status()).isEqualTo(ProductStatus.APPROVED);
        assertThat(product.approvedBy()).isEqualTo("reviewer");
        product.publish(EDITOR, NOW).suspend(REVIEWER, NOW).publish(REVIEWER, NOW);
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
        var product = draft().submit(EDITOR, NOW);
        assertThatThrownBy(() -> product.approve(EDITOR, NOW)).isInstanceOfSatisfying(SelfApprovalException.class,
                e -> assertThat(e.operator()).isEqualTo(EDITOR));
        assertThat(product.status()).isEqualTo(ProductStatus.PENDING_APPROVAL);
        assertThat(product.approvedBy()).isNull();
        assertThat(product.lifecycle()).hasSize(1);
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        var product = draft();
        assertThatThrownBy(() -> product.publish(EDITOR, NOW)).isInstanceOfSatisfying(
                IllegalProductTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ProductStatus.DRAFT);
                    assertThat(e.to()).isEqualTo(ProductStatus.PUBLISHED);
                });
        assertThatThrownBy(() -> product.approve(REVIEWER, NOW)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.suspend(REVIEWER, NOW)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.reject(REVIEWER, "no", NOW))
                .isInstanceOf(IllegalProductTransitionException.class);
        product.submit(EDITOR, NOW);
        assertThatThrownBy(() -> product.submit(EDITOR, NOW)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.publish(REVIEWER, NOW)).as("not approved yet")
                .isInstanceOf(IllegalProductTransitionException.class);
        product.approve(REVIEWER, NOW).publish(REVIEWER, NOW);
        assertThatThrownBy(() -> product.publish(REVIEWER, NOW)).isInstanceOf(IllegalProductTransitionException.class);
        assertThatThrownBy(() -> product.submit(EDITOR, NOW)).isInstanceOf(IllegalProductTransitionException.class);
        assertThat(product.status()).isEqualTo(ProductStatus.PUBLISHED);
        assertThat(product.lifecycle()).hasSize(3);
    }

    @Test
    void aRejectionSendsTheProductBackToDraftWithItsReason() {
        var product = draft().submit(EDITOR, NOW).reject(REVIEWER, "  Halal certificate scan is missing ", NOW);
        assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(product.submittedBy()).isNull();
        assertThat(product.lifecycle().getLast().note()).isEqualTo("Halal certificate scan is missing");
        assertThat(events(product)).endsWith(ProductRejected.class);
        assertThatThrownBy(() -> draft().submit(EDITOR, NOW).reject(REVIEWER, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        // Resubmitted by someone else, the first editor may now approve.
        product.submit(REVIEWER, NOW).approve(EDITOR, NOW);
        assertThat(product.status()).isEqualTo(ProductStatus.APPROVED);
    }

    @Test
    void changingContentWithdrawsASubmissionOrApprovalButNotAPublication() {
        var pending = draft().submit(EDITOR, NOW);
        pending.offer("SG", new MarketOffer("SGD", new BigDecimal("12")), NOW);
        assertThat(pending.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(pending.submittedBy()).isNull();

        var approved = draft().submit(EDITOR, NOW).approve(REVIEWER, NOW);
        approved.translate("en", new ProductTranslation("Changed", "after approval"), NOW);
        assertThat(approved.status()).isEqualTo(ProductStatus.DRAFT);
        assertThat(approved.approvedBy()).isNull();
        assertThat(approved.lifecycle().getLast().operator()).isNull();
        assertThat(approved.lifecycle().getLast().note()).contains("approval was withdrawn");
        assertThatThrownBy(() -> approved.publish(REVIEWER, NOW)).isInstanceOf(IllegalProductTransitionException.class);

        var published = draft().submit(EDITOR, NOW).approve(REVIEWER, NOW).publish(REVIEWER, NOW);
        published.recordRegulatory("SG", Map.of(), NOW);
        published.offer("SG", new MarketOffer("SGD", new BigDecimal("9.90")), NOW);
        assertThat(published.status()).isEqualTo(ProductStatus.PUBLISHED);
        var suspended = published.suspend(REVIEWER, NOW);
        suspended.categorize("health", NOW);
        assertThat(suspended.status()).isEqualTo(ProductStatus.SUSPENDED);
        assertThat(suspended.publish(EDITOR, NOW).status()).isEqualTo(ProductStatus.PUBLISHED);
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
