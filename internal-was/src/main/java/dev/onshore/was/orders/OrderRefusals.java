package dev.onshore.was.orders;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an admin API controller that works on orders (the orders' own, the claims'): its {@link UnknownOrderException},
 * {@link IllegalOrderTransitionException} and stale order copies are answered with the orders' problem details, one
 * mapping for every such controller (the orders' web layer), so that a refusal reads the same on every screen.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OrderRefusals {
}
