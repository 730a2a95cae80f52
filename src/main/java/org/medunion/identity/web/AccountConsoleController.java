package org.medunion.identity.web;

import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountAdministration;
import org.medunion.identity.OwnAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsoleMessages;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.ListPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages for accounts: every user's own password change, and the security administrator's account list
 * (create, disable/enable, unlock, reset, role and scope). The rules live in the identity module; a refused
 * submission shows its message next to the field.
 */
@Controller
@ConsolePage
class AccountConsoleController {

    private final AccountAdministration admin;
    private final OwnAccount own;
    private final ConsoleMessages messages;

    AccountConsoleController(AccountAdministration admin, OwnAccount own, ConsoleMessages messages) {
        this.admin = admin;
        this.own = own;
        this.messages = messages;
    }

    @GetMapping("/console/account/password")
    String passwordForm(Model model) {
        model.addAttribute("mustChange", own.mustChangePassword());
        return "accounts/password";
    }

    @PostMapping("/console/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword, Model model) {
        try {
            own.changeOwnPassword(currentPassword, newPassword);
            model.addAttribute("changed", true);
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
        }
        model.addAttribute("mustChange", own.mustChangePassword());
        return "accounts/password";
    }

    @GetMapping("/console/accounts")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String role, @RequestParam(defaultValue = "false") boolean locked,
                Model model) {
        try {
            Role r = FormValues.enumValue(Role.class, "role", role);
            model.addAttribute("result", pageOf(admin.list(new AccountAdministration.AccountFilter(q, r, locked), page,
                    ListPage.SIZE)));
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
            model.addAttribute("result", pageOf(admin.list(AccountAdministration.AccountFilter.ALL, 0, ListPage.SIZE)));
        }
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("role", role == null ? "" : role);
        model.addAttribute("locked", locked);
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopeTypes", ScopeType.values());
        return "accounts/list";
    }

    private static ListPage<AccountAdministration.AccountView> pageOf(AccountAdministration.AccountPage p) {
        return new ListPage<>(p.items(), p.page(), (int) Math.max(1, (p.total() + p.size() - 1) / p.size()), p.total());
    }

    private String list(Model model, @Nullable String username) {
        // after an action: the list narrowed to the account just changed, so the user sees the result
        return list(0, username, null, false, model);
    }

    @PostMapping("/console/accounts")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String role,
                  @RequestParam String scopeType, @RequestParam(required = false) @Nullable String scopeReference, Model model) {
        try {
            var created = admin.create(new AccountAdministration.NewAccountRequest(username, displayName,
                    FormValues.enumValue(Role.class, "role", role), scope(scopeType, scopeReference)));
            model.addAttribute("temporary", created);
            return list(model, username);
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
        }
        return list(model, null);
    }

    @PostMapping("/console/accounts/{username}/{action:disable|enable|unlock|reset}")
    String act(@PathVariable String username, @PathVariable String action, Model model) {
        try {
            switch (action) {
                case "disable" -> admin.setEnabled(username, false);
                case "enable" -> admin.setEnabled(username, true);
                case "unlock" -> admin.unlock(username);
                default -> model.addAttribute("temporary", admin.resetPassword(username));
            }
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
        }
        return list(model, username);
    }

    @PostMapping("/console/accounts/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam String role, @RequestParam String scopeType,
                      @RequestParam(required = false) @Nullable String scopeReference, Model model) {
        try {
            admin.changeRole(username, FormValues.enumValue(Role.class, "role", role), scope(scopeType, scopeReference));
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
        }
        return list(model, username);
    }

    // A blank scope type goes on as null on purpose: AccountAdministration refuses it (scope.type,
    // account.scopeTypeForRole) after its username and role checks, so the order of errors stays the same.
    @SuppressWarnings("NullAway")
    private static Scope scope(String type, @Nullable String reference) {
        return new Scope(FormValues.enumValue(ScopeType.class, "scope.type", type), FormValues.blankToNull(reference));
    }
}
