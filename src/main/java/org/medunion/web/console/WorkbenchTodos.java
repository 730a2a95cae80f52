package org.medunion.web.console;

import java.util.List;
import org.medunion.identity.CurrentUser;

/**
 * A module's lines on the home workbench's to-do card: what waits for the caller, in the order of the daily
 * work. The shell collects every module's lines and puts the overdue ones first.
 */
public interface WorkbenchTodos {

    List<WorkbenchTodo> todos(CurrentUser me);
}
