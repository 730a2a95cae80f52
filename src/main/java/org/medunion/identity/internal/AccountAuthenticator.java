package org.medunion.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.medunion.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a username and password for the console login and the token endpoint alike, and locks an
 * account for a while after repeated failures (S-4), so that both doors share one counter.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

    /** A hash of a random password, compared against when the user is unknown so timing does not reveal it. */
    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z0uW2hGqHq5oZKZxv6q0n1W6";

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    AccountAuthenticator(AccountStore accounts, PasswordEncoder encoder, Clock clock,
                         @Value("${medunion.security.max-failed-logins:5}") int maxFailures,
                         @Value("${medunion.security.lock-duration:PT15M}") Duration lockDuration) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    @Override
    @Transactional(noRollbackFor = RuntimeException.class)
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        var found = accounts.find(username);
        if (found.isEmpty()) {
            encoder.matches(password, DUMMY_HASH);
            throw new BadCredentialsException("bad credentials");
        }
        var account = found.get();
        Instant now = clock.instant();
        if (!account.enabled()) {
            throw new DisabledException("disabled");
        }
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            throw new LockedException("locked");
        }
        if (!encoder.matches(password, account.passwordHash())) {
            int failures = account.failedAttempts() + 1;
            accounts.recordFailure(username, failures, failures >= maxFailures ? now.plus(lockDuration) : null);
            throw failures >= maxFailures ? new LockedException("locked") : new BadCredentialsException("bad credentials");
        }
        accounts.recordSuccess(username);
        return authenticated(account.user());
    }

    static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                java.util.List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
