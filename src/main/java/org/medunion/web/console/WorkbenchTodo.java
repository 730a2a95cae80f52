package org.medunion.web.console;

/**
 * One line of the workbench's to-do card: a label key, its count, where the list is, and whether it is overdue
 * (overdue lines come first).
 */
public record WorkbenchTodo(String label, long count, String href, boolean overdue) {
}
