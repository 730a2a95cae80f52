package org.medunion.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

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
        model.addAttribute("back", listLink(q, role, locked, page).substring(LIST.length()).replaceFirst("^\\?", ""));
        choices(model);
        return "accounts/list";
    }

    private static ListPage<AccountAdministration.AccountView> pageOf(AccountAdministration.AccountPage p) {
        return new ListPage<>(p.items(), p.page(), (int) Math.max(1, (p.total() + p.size() - 1) / p.size()), p.total());
    }

    private static void choices(Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopeTypes", ScopeType.values());
    }

    // Every change answers with a redirect to the list as the user left it (its filters and page travel in the
    // form's "back" field): a reload does not post again (a second password reset), and the pager keeps the
    // filters. What the change produced (the temporary password, a refusal) travels as a flash attribute.

    @PostMapping("/console/accounts")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String role,
                  @RequestParam String scopeType, @RequestParam(required = false) @Nullable String scopeReference,
                  @RequestParam(required = false) @Nullable String back, RedirectAttributes flash) {
        try {
            var created = admin.create(new AccountAdministration.NewAccountRequest(username, displayName,
                    FormValues.enumValue(Role.class, "role", role), scope(scopeType, scopeReference)));
            flash.addFlashAttribute("temporary", created);
            return "redirect:" + listLink(username, null, false, 0); // the new account, so the user sees it
        } catch (MedUnionException e) {
            flash.addFlashAttribute("feedback", messages.feedback(e));
            flash.addFlashAttribute("entered", new Entered(username, displayName, role, scopeType, scopeReference));
        }
        return "redirect:" + backTo(back);
    }

    /** What the create form held when it was refused, to fill it again. */
    record Entered(String username, String displayName, String role, String scopeType, @Nullable String scopeReference) {
    }

    @PostMapping("/console/accounts/{username}/{action:disable|enable|unlock|reset}")
    String act(@PathVariable String username, @PathVariable String action,
               @RequestParam(required = false) @Nullable String back, RedirectAttributes flash) {
        try {
            var changed = switch (action) {
                case "disable" -> admin.setEnabled(username, false);
                case "enable" -> admin.setEnabled(username, true);
                case "unlock" -> admin.unlock(username);
                default -> {
                    var reset = admin.resetPassword(username);
                    flash.addFlashAttribute("temporary", reset);
                    yield reset.account();
                }
            };
            flash.addFlashAttribute("done", changed.displayName());
        } catch (MedUnionException e) {
            flash.addFlashAttribute("feedback", messages.feedback(e));
        }
        return "redirect:" + backTo(back);
    }

    /** One account's role and scope, with the scope picker. */
    @GetMapping("/console/accounts/{username}/role")
    String roleForm(@PathVariable String username, @RequestParam(required = false) @Nullable String back, Model model) {
        model.addAttribute("a", admin.get(username));
        model.addAttribute("back", back == null ? "" : back);
        choices(model);
        return "accounts/role";
    }

    @PostMapping("/console/accounts/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam String role, @RequestParam String scopeType,
                      @RequestParam(required = false) @Nullable String scopeReference,
                      @RequestParam(required = false) @Nullable String back, RedirectAttributes flash, Model model,
                      HttpServletResponse response) {
        try {
            var changed = admin.changeRole(username, FormValues.enumValue(Role.class, "role", role), scope(scopeType, scopeReference));
            flash.addFlashAttribute("done", changed.displayName());
            return "redirect:" + backTo(back);
        } catch (MedUnionException e) {
            model.addAttribute("feedback", messages.feedback(e));
            model.addAttribute("a", admin.get(username));
            model.addAttribute("back", back == null ? "" : back);
            choices(model);
            response.setStatus(e.status());
            return "accounts/role";
        }
    }

    private static final String LIST = "/console/accounts";

    /** The list with these filters and page; blank filters left out. */
    private static String listLink(@Nullable String q, @Nullable String role, boolean locked, int page) {
        var b = UriComponentsBuilder.fromPath(LIST);
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q);
        }
        if (role != null && !role.isBlank()) {
            b.queryParam("role", role);
        }
        if (locked) {
            b.queryParam("locked", true);
        }
        if (page > 0) {
            b.queryParam("page", page);
        }
        return b.encode().build().toUriString();
    }

    /** The list the form came from: only its own filters are taken from {@code back}, never another path. */
    private static String backTo(@Nullable String back) {
        if (back == null || back.isBlank()) {
            return LIST;
        }
        var params = UriComponentsBuilder.fromUriString(LIST + (back.startsWith("?") ? back : "?" + back)).build()
                .getQueryParams();
        int page;
        try {
            page = Integer.parseInt(Objects.requireNonNullElse(params.getFirst("page"), "0"));
        } catch (NumberFormatException e) {
            page = 0;
        }
        return listLink(decode(params.getFirst("q")), decode(params.getFirst("role")), "true".equals(params.getFirst("locked")), page);
    }

    private static @Nullable String decode(@Nullable String v) {
        return v == null ? null : URLDecoder.decode(v, StandardCharsets.UTF_8);
    }

    // A blank scope type goes on as null on purpose: AccountAdministration refuses it (scope.type,
    // account.scopeTypeForRole) after its username and role checks, so the order of errors stays the same.
    @SuppressWarnings("NullAway")
    private static Scope scope(String type, @Nullable String reference) {
        return new Scope(FormValues.enumValue(ScopeType.class, "scope.type", type), FormValues.blankToNull(reference));
    }
}
