/**
 * What the console shell offers the modules' console pages: the calling user and role checks
 * ({@link org.medunion.web.console.ConsoleSupport}), and the ports through which the shell gets feature data
 * without depending on a feature module — display names ({@link org.medunion.web.console.ConsoleNames}) and
 * the home workbench's to-do lines and figures ({@link org.medunion.web.console.WorkbenchTodos},
 * {@link org.medunion.web.console.WorkbenchFigures}).
 */
@org.springframework.modulith.NamedInterface("console")
@org.jspecify.annotations.NullMarked
package org.medunion.web.console;
