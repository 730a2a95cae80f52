package org.medunion.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountAdministration;
import org.medunion.identity.AccountEvent;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeReferences;
import org.medunion.identity.ScopeType;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's account administration (等保 三员). Guards itself as well as the URL rules do,
 * so the console and the API cannot drift apart: only SECURITY_ADMIN, and never on its own account (nobody
 * raises, disables or resets themselves).
 */
@Service
class AccountAdministrationService implements AccountAdministration {

    private static final String TEMP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();
    private final AccountStore accounts;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final ObjectProvider<ScopeReferences> scopes;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountAdministrationService(AccountStore accounts, TokenService tokens, LoginThrottle throttle, PasswordEncoder encoder,
                                 ObjectProvider<ScopeReferences> scopes, CurrentUsers users,
                                 ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.encoder = encoder;
        this.scopes = scopes;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public CreatedAccount create(NewAccountRequest r) {
        requireSecurityAdmin(null);
        if (r.username() == null || !r.username().matches("[a-z][a-z0-9._-]{2,63}")) {
            throw new InvalidInputException("username", "account.usernameFormat");
        }
        if (r.displayName() == null || r.displayName().isBlank() || r.displayName().length() > 100
                || r.displayName().codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidInputException("displayName", "account.displayNameFormat");
        }
        checkScope(r.role(), r.scope());
        Role role = Objects.requireNonNull(r.role(), "checkScope() refuses a missing role");
        if (accounts.find(r.username()).isPresent()) {
            throw new ConflictException("account.exists", "username");
        }
        String temporary = temporaryPassword();
        String hash = encoder.encode(temporary);
        accounts.insert(r.username(), hash, new CurrentUser(r.username(), r.displayName().strip(), role, r.scope()),
                clock.instant());
        accounts.setPassword(r.username(), hash, true, clock.instant());
        changed(r.username(), "created " + r.role() + " " + r.scope().type() + " " + nullToEmpty(r.scope().reference()));
        return new CreatedAccount(get(r.username()), temporary);
    }

    @Override
    public AccountPage list(int page, int size) {
        requireSecurityAdmin(null);
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        List<AccountView> items = accounts.page(p * s, s).stream().map(this::view).toList();
        return new AccountPage(items, p, s, accounts.count());
    }

    @Override
    public AccountPage list(AccountFilter filter, int page, int size) {
        requireSecurityAdmin(null);
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(size, 200));
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text().strip();
        Instant lockedAt = filter.lockedOnly() ? clock.instant() : null;
        List<AccountView> items = accounts.page(text, filter.role(), lockedAt, p * s, s).stream().map(this::view).toList();
        return new AccountPage(items, p, s, accounts.count(text, filter.role(), lockedAt));
    }

    @Override
    public AccountView get(String username) {
        requireSecurityAdmin(null);
        return view(find(username));
    }

    @Override
    @Transactional
    public AccountView setEnabled(String username, boolean enabled) {
        requireSecurityAdmin(username);
        find(username);
        accounts.setEnabled(username, enabled, clock.instant());
        changed(username, enabled ? "enabled" : "disabled");
        if (!enabled) {
            revoked(username, "disabled");
        }
        return get(username);
    }

    @Override
    @Transactional
    public AccountView unlock(String username) {
        requireSecurityAdmin(null);
        find(username);
        int pairs = throttle.unlock(username);
        changed(username, "unlocked (" + pairs + " source address(es))");
        return get(username);
    }

    @Override
    @Transactional
    public CreatedAccount resetPassword(String username) {
        requireSecurityAdmin(username);
        find(username);
        String temporary = temporaryPassword();
        accounts.setPassword(username, encoder.encode(temporary), true, clock.instant());
        accounts.clearTotp(username);
        throttle.unlock(username);
        events.publishEvent(new AccountEvent(AccountEvent.Type.PASSWORD_CHANGED, username, "reset by security administrator"));
        revoked(username, "password reset");
        return new CreatedAccount(get(username), temporary);
    }

    @Override
    @Transactional
    public AccountView changeRole(String username, @Nullable Role role, Scope scope) {
        requireSecurityAdmin(username);
        var before = find(username).user();
        checkScope(role, scope);
        Role checked = Objects.requireNonNull(role, "checkScope() refuses a missing role");
        accounts.setRole(username, new CurrentUser(username, before.displayName(), checked, scope), clock.instant());
        changed(username, "role " + before.role() + " " + before.scope().type() + " " + nullToEmpty(before.scope().reference())
                + " -> " + role + " " + scope.type() + " " + nullToEmpty(scope.reference()));
        revoked(username, "role change");
        return get(username);
    }

    /** Which scope type each role works in: administrators everywhere, clinicians at one institution. */
    static ScopeType scopeTypeOf(Role role) {
        return switch (role) {
            case ADMIN, SECURITY_ADMIN, AUDITOR -> ScopeType.GLOBAL;
            case PLANNER, INTEGRATOR -> ScopeType.JURISDICTION;
            case OFFICE -> ScopeType.CONSORTIUM;
            case GP, SPECIALIST, PHARMACIST, CENTRE_STAFF -> ScopeType.INSTITUTION;
        };
    }

    private void checkScope(@Nullable Role role, Scope scope) {
        if (role == null) {
            throw new InvalidInputException("role", "account.roleRequired");
        }
        if (scope == null || scope.type() != scopeTypeOf(role)) {
            throw new InvalidInputException("scope.type", "account.scopeTypeForRole", role.name(), scopeTypeOf(role).name());
        }
        if (scope.type() == ScopeType.GLOBAL) {
            if (scope.reference() != null) {
                throw new InvalidInputException("scope.reference", "account.scopeUnknown");
            }
            return;
        }
        boolean known = scope.reference() != null && scope.reference().length() <= 64
                && Optional.ofNullable(scopes.getIfAvailable()).map(s -> s.exists(scope)).orElse(false);
        if (!known) {
            throw new InvalidInputException("scope.reference", "account.scopeUnknown");
        }
    }

    private void requireSecurityAdmin(@Nullable String targetUsername) {
        CurrentUser me = users.require();
        if (me.role() != Role.SECURITY_ADMIN) {
            throw new ForbiddenException("account.securityAdminOnly");
        }
        if (me.username().equals(targetUsername)) {
            throw new ForbiddenException("account.notOnYourself");
        }
    }

    private AccountStore.Account find(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("Account", username));
    }

    private AccountView view(AccountStore.Account a) {
        return new AccountView(a.username(), a.user().displayName(), a.user().role(), a.user().scope(), a.enabled(),
                throttle.isLockedAnywhere(a.username()), a.mustChangePassword(), a.totpEnrolled());
    }

    private void changed(String username, String detail) {
        events.publishEvent(new AccountEvent(AccountEvent.Type.ACCOUNT_CHANGED, username, detail));
    }

    private void revoked(String username, String why) {
        int n = tokens.revokeAll(username);
        events.publishEvent(new AccountEvent(AccountEvent.Type.TOKEN_REVOKED, username, why + ", " + n + " token(s)"));
    }

    /** 16 characters from letters and digits (both cases): always passes the policy, only ever shown once. */
    private String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            sb.append(TEMP_ALPHABET.charAt(random.nextInt(TEMP_ALPHABET.length())));
        }
        return "Tmp" + sb + random.nextInt(10);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
