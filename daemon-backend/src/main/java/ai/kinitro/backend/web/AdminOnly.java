package ai.kinitro.backend.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler (method or whole controller) that requires an {@code X-API-Key} with role
 * {@code admin}: no or an unusable key → 401, another role → 403. Every other route is public and
 * ignores keys entirely.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdminOnly {}
