package dev.onshore.was.adminapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which operators' roles may use an admin API endpoint, checked on every {@code /api/admin/**} request after the
 * service token (see {@link AdminCaller}). {@link OperatorRole#ADMIN} may always; {@link OperatorRole#VIEWER} may read
 * ({@code GET}/{@code HEAD}) unless {@link #viewer()} says no. On the class or the method (the method's wins). An admin
 * endpoint without it is refused to everyone: a new endpoint must say who may use it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminAccess {

    /** The roles besides ADMIN (and VIEWER for reads) that may call. */
    OperatorRole[] value() default {};

    /** Whether VIEWER may read it: false for the audit log, login history and customers' personal data. */
    boolean viewer() default true;

    /**
     * True for what the admin app does on nobody's behalf (recording a login attempt before anyone is signed in):
     * the service token alone suffices.
     */
    boolean service() default false;
}
