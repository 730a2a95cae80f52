/**
 * The console shell: layout, the role's menu ({@link org.medunion.web.ConsoleMenu}), login and home with its
 * workbench, the language choice, the friendly error page and the display helper templates use
 * ({@code @consoleFormat}). A capability's console pages live in its own module's {@code web} package and use
 * the named interface {@code console}; the shell depends only on identity and shared, and gets feature data
 * through ports the modules implement (decision 0085).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console", allowedDependencies = {"shared", "identity"})
@org.jspecify.annotations.NullMarked
package org.medunion.web;
