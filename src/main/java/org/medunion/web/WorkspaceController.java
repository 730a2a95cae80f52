package org.medunion.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.medunion.identity.AccountAdministration;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.ApiKeys;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.web.console.WorkbenchFigures;
import org.medunion.web.console.WorkbenchTodo;
import org.medunion.web.console.WorkbenchTodos;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cards of a role's workspace (loaded by the home page through htmx). The shell knows only the caller and
 * the accounts; the to-do lines and the figures come from the modules ({@link WorkbenchTodos},
 * {@link WorkbenchFigures}): a planner sees the jurisdiction in numbers, an office its consortium, a doctor
 * their institution and its consortia.
 */
@Controller
class WorkspaceController {

    /** An integrator's API key expiring within this many days is counted as due for renewal. */
    static final int EXPIRING_DAYS = 14;

    private final CurrentUsers users;
    private final AccountManagement accounts;
    private final AccountAdministration administration;
    private final ApiKeys apiKeys;
    private final Clock clock;
    private final List<WorkbenchTodos> todos;
    private final List<WorkbenchFigures> figures;

    WorkspaceController(CurrentUsers users, AccountManagement accounts, AccountAdministration administration,
                        ApiKeys apiKeys, List<WorkbenchTodos> todos, List<WorkbenchFigures> figures, Clock clock) {
        this.apiKeys = apiKeys;
        this.clock = clock;
        this.users = users;
        this.accounts = accounts;
        this.administration = administration;
        this.todos = todos;
        this.figures = figures;
    }

    @GetMapping("/console/workspace")
    String workspace(Model model) {
        CurrentUser me = users.require();
        model.addAttribute("role", me.role().name());
        model.addAttribute("todos", todos(me));
        if (me.role() == Role.SECURITY_ADMIN) {
            model.addAttribute("accountCount", accounts.accounts().size());
            Map<Role, Long> byRole = new EnumMap<>(Role.class);
            accounts.accounts().forEach(a -> byRole.merge(a.role(), 1L, Long::sum));
            model.addAttribute("accountsByRole", byRole);
            model.addAttribute("lockedCount", administration.list(
                    new AccountAdministration.AccountFilter(null, null, true), 0, 1).total());
        }
        if (me.role() == Role.INTEGRATOR) {
            var keys = apiKeys.mine();
            model.addAttribute("apiKeyCount", keys.size());
            model.addAttribute("apiKeysExpiring", keys.stream()
                    .filter(k -> k.expiresWithin(clock.instant(), EXPIRING_DAYS)).count());
        }
        figures.forEach(f -> f.addTo(me, model));
        return "workspace :: cards";
    }

    /** Every module's lines, overdue ones first (the sort is stable: otherwise in the modules' order). */
    private List<WorkbenchTodo> todos(CurrentUser me) {
        List<WorkbenchTodo> all = new ArrayList<>();
        todos.forEach(t -> all.addAll(t.todos(me)));
        all.sort(Comparator.comparing(WorkbenchTodo::overdue).reversed());
        return all;
    }
}
