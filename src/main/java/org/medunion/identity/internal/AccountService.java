package org.medunion.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.MedUnionException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountService implements AccountManagement, CurrentUsers {

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    AccountService(AccountStore accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void ensureAccount(NewAccount a) {
        if (accounts.find(a.username()).isEmpty()) {
            accounts.insert(a.username(), encoder.encode(a.rawPassword()),
                    new CurrentUser(a.username(), a.displayName(), a.role(), a.scope()), clock.instant());
        }
    }

    @Override
    public List<CurrentUser> accounts() {
        return accounts.all().stream().map(AccountStore.Account::user).toList();
    }

    @Override
    public Optional<CurrentUser> account(String username) {
        return accounts.find(username).map(AccountStore.Account::user);
    }

    @Override
    public Optional<CurrentUser> current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser user ? Optional.of(user) : Optional.empty();
    }

    @Override
    public CurrentUser require() {
        return current().orElseThrow(Unauthenticated::new);
    }

    /** Reached only when a code path meant for authenticated callers is called without one. */
    static final class Unauthenticated extends MedUnionException {

        Unauthenticated() {
            super("auth.required", null);
        }

        @Override
        public int status() {
            return 401;
        }
    }

    /** Whether the given raw password is what the account has (for the default-credential guard). */
    boolean hasPassword(AccountStore.Account account, String raw) {
        return encoder.matches(raw, account.passwordHash());
    }
}
