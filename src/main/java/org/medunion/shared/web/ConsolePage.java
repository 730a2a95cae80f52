package org.medunion.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a console (HTML) controller that lives in a module's own package: a domain error or a malformed
 * parameter on its pages becomes the console's friendly error page with a 4xx status, not a problem-detail
 * body (which a browser cannot be given, so it ended as a 500 page).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
