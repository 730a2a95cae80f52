package org.medunion.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.medunion.identity.AccountAdministration;
import org.medunion.identity.AccountAdministration.AccountPage;
import org.medunion.identity.AccountAdministration.AccountView;
import org.medunion.identity.AccountAdministration.CreatedAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account administration for the security administrator only (URL rule and service check alike). */
@RestController
@Tag(name = "accounts", description = "Account administration (security administrator, 等保 三员)")
class AccountAdminController {

    private final AccountAdministration admin;

    AccountAdminController(AccountAdministration admin) {
        this.admin = admin;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account; answers a temporary password (shown once) that must be changed at first login")
    CreatedAccount create(@Valid @RequestBody CreateRequest r) {
        return admin.create(new AccountAdministration.NewAccountRequest(r.username(), r.displayName(), r.role(), r.scope().toScope()));
    }

    @GetMapping("/api/accounts")
    @Operation(summary = "Accounts, by username, paged")
    AccountPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return admin.list(page, size);
    }

    @GetMapping("/api/accounts/{username}")
    AccountView get(@PathVariable String username) {
        return admin.get(username);
    }

    @PostMapping("/api/accounts/{username}/disable")
    @Operation(summary = "Disable the account and revoke all its tokens")
    AccountView disable(@PathVariable String username) {
        return admin.setEnabled(username, false);
    }

    @PostMapping("/api/accounts/{username}/enable")
    AccountView enable(@PathVariable String username) {
        return admin.setEnabled(username, true);
    }

    @PostMapping("/api/accounts/{username}/unlock")
    @Operation(summary = "Clear the lock-out of every source address")
    AccountView unlock(@PathVariable String username) {
        return admin.unlock(username);
    }

    @PostMapping("/api/accounts/{username}/reset-password")
    @Operation(summary = "New temporary password (shown once, must be changed); revokes all tokens and clears TOTP")
    CreatedAccount reset(@PathVariable String username) {
        return admin.resetPassword(username);
    }

    @PutMapping("/api/accounts/{username}/role")
    @Operation(summary = "Change role and scope; revokes all tokens so the new rights apply at once")
    AccountView changeRole(@PathVariable String username, @Valid @RequestBody RoleRequest r) {
        return admin.changeRole(username, r.role(), r.scope().toScope());
    }

    record ScopeRequest(@NotNull ScopeType type, @Size(max = 64) String reference) {

        Scope toScope() {
            return new Scope(type, reference);
        }
    }

    record CreateRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 100) String displayName,
                         @NotNull Role role, @NotNull @Valid ScopeRequest scope) {
    }

    record RoleRequest(@NotNull Role role, @NotNull @Valid ScopeRequest scope) {
    }
}
