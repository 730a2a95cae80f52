package org.medunion.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountEvent;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a username, password and (where required) TOTP code for the console login and the token endpoint
 * alike, so both doors share one lock-out (S-4, {@link LoginThrottle}). The answer and the work done are the
 * same whether or not the username exists: unknown names are checked against a dummy bcrypt hash of the same
 * cost and counted by the throttle like known ones. Every attempt is audited through {@link AccountEvent}.
 */
@Component
public class AccountAuthenticator implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthenticator.class);
    /** Roles that need a second factor outside the demo profile (等保 L3: two factors for administrators). */
    static final List<Role> TOTP_ROLES = List.of(Role.ADMIN, Role.SECURITY_ADMIN, Role.PLANNER);

    private final AccountStore accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean demo;
    /** A hash of a random password with the encoder's own cost, made at start-up. */
    private final String dummyHash;

    AccountAuthenticator(AccountStore accounts, LoginThrottle throttle, PasswordEncoder encoder,
                         ApplicationEventPublisher events, Clock clock, Environment environment) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** Console form login: the source address and TOTP code come from the request details. */
    @Override
    public Authentication authenticate(Authentication request) {
        String source = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
        String totp = request.getDetails() instanceof LoginDetails d ? d.totp() : null;
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        return authenticated(login(request.getName(), password, totp, source));
    }

    /** The account behind a correct login, or a {@link LoginRefused} that says as little as possible. */
    public CurrentUser login(@Nullable String username, String password, @Nullable String totp,
                             @Nullable String source) {
        String src = source == null ? "unknown" : source.length() > 64 ? source.substring(0, 64) : source;
        String name = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        try {
            Optional<Instant> locked = throttle.lockedUntil(name, src);
            if (locked.isPresent()) {
                events.publishEvent(new AccountEvent(AccountEvent.Type.LOGIN_FAILED, name, "locked source " + src));
                throw LoginRefused.locked(locked.get(), clock.instant());
            }
            var account = accounts.find(name);
            boolean passwordOk = encoder.matches(password, account.map(AccountStore.Account::passwordHash).orElse(dummyHash))
                    && account.isPresent() && account.get().enabled();
            if (passwordOk && needsTotp(account.get())) {
                if (!account.get().totpEnrolled()) {
                    throw new LoginRefused("auth.totpEnrolmentRequired", 0);
                }
                if (totp == null || totp.isBlank()) {
                    throw new LoginRefused("auth.totpRequired", 0);
                }
                // totpEnrolled() above: the secret is there
                String secret = Objects.requireNonNull(account.get().totpSecret(), "enrolled account has a TOTP secret");
                passwordOk = Totp.verify(secret, totp.trim(), clock.instant());
            }
            if (!passwordOk) {
                fail(name, src);
            }
            throttle.recordSuccess(name, src);
            events.publishEvent(new AccountEvent(AccountEvent.Type.LOGIN_SUCCEEDED, name, "from " + src));
            return account.get().user();
        } catch (TransientDataAccessException e) {
            // never log the exception: some drivers put the locked row into the message
            log.warn("login throttle contention for a login from {}", src);
            throw new LoginRefused("auth.tooManyAttempts", 1);
        }
    }

    private void fail(String username, String source) {
        var failure = throttle.recordFailure(username, source);
        events.publishEvent(new AccountEvent(AccountEvent.Type.LOGIN_FAILED, username, "from " + source));
        if (failure.lockedNow()) {
            events.publishEvent(new AccountEvent(AccountEvent.Type.ACCOUNT_LOCKED, username, "source " + source + " until "
                    + failure.lockedUntil()));
        }
        Instant until = failure.lockedUntil();
        throw until != null ? LoginRefused.locked(until, clock.instant())
                : new LoginRefused("auth.badCredentials", 0);
    }

    /** Outside the demo profile the roles of {@link #TOTP_ROLES} must use TOTP; in the demo, whoever enrolled. */
    boolean needsTotp(AccountStore.Account account) {
        return account.totpEnrolled() || (!demo && TOTP_ROLES.contains(account.user().role()));
    }

    /** Checks a password without counting it as a login (password change: the caller already holds a token). */
    boolean passwordMatches(AccountStore.Account account, String raw) {
        return encoder.matches(raw == null ? "" : raw, account.passwordHash());
    }

    static Authentication authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A refused login; {@code code} is the message key, the same for unknown and known usernames. */
    public static final class LoginRefused extends AuthenticationException {

        private final String code;
        private final long retryAfterSeconds;

        LoginRefused(String code, long retryAfterSeconds) {
            super(code);
            this.code = code;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        static LoginRefused locked(Instant until, Instant now) {
            return new LoginRefused("auth.locked", Math.max(1, Duration.between(now, until).toSeconds()));
        }

        public String code() {
            return code;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The console login form's details: remote address plus the optional TOTP field. */
    static final class LoginDetails extends WebAuthenticationDetails {

        private final @Nullable String totp;

        LoginDetails(HttpServletRequest request) {
            super(request);
            this.totp = request.getParameter("totp");
        }

        @Nullable
        String totp() {
            return totp;
        }
    }
}
