package org.medunion.identity.internal;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountEvent;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.OwnAccount;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What every account does for itself: log out, change its password, enrol a TOTP authenticator. */
@Service
public class OwnAccountService implements OwnAccount {

    static final String ISSUER = "MedUnion";

    private final AccountStore accounts;
    private final TokenService tokens;
    private final AccountAuthenticator authenticator;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CurrentUsers users;

    OwnAccountService(AccountStore accounts, TokenService tokens, AccountAuthenticator authenticator, PasswordPolicy policy,
                      PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock, CurrentUsers users) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.policy = policy;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void logout(String username, String accessToken) {
        int removed = tokens.revokeSessionOf(accessToken);
        events.publishEvent(new AccountEvent(AccountEvent.Type.TOKEN_REVOKED, username, "logout, " + removed + " token(s)"));
    }

    /**
     * Checks the current password (a stolen token alone cannot take the account over), applies the policy and
     * revokes every other session; {@code keptSession} (the caller's own, null for the console) stays valid.
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword,
                               @Nullable UUID keptSession) {
        var account = accounts.find(username).orElseThrow();
        if (!authenticator.passwordMatches(account, currentPassword)) {
            throw new InvalidInputException("currentPassword", "password.currentWrong");
        }
        policy.check("newPassword", username, newPassword);
        if (authenticator.passwordMatches(account, newPassword)) {
            throw new InvalidInputException("newPassword", "password.unchanged");
        }
        accounts.setPassword(username, encoder.encode(newPassword), false, clock.instant());
        int revoked = tokens.revokeAllExcept(username, keptSession);
        events.publishEvent(new AccountEvent(AccountEvent.Type.PASSWORD_CHANGED, username,
                "own change, " + revoked + " other token(s) revoked"));
    }

    @Override
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        changePassword(users.require().username(), currentPassword, newPassword, null);
    }

    @Override
    public boolean mustChangePassword() {
        return users.current().flatMap(u -> accounts.find(u.username()))
                .map(AccountStore.Account::mustChangePassword).orElse(false);
    }

    /**
     * Enrolment for an account that cannot sign in yet (API and console alike): the password is proven through the
     * authenticator, so failures count towards the lock-out; an account already enrolled gets
     * {@link EnrolmentConflict}. Any other refusal ({@code auth.badCredentials}, {@code auth.locked}) is thrown as is.
     */
    @Transactional
    public TotpEnrolment enrolTotp(String username, String password, String source) {
        try {
            authenticator.login(username, password, null, source);
        } catch (AccountAuthenticator.LoginRefused e) {
            if (e.code().equals("auth.totpRequired")) {
                throw new EnrolmentConflict();
            }
            if (!e.code().equals("auth.totpEnrolmentRequired")) {
                throw e;
            }
        }
        return enrolTotp(username);
    }

    /** A new secret, stored only if none is set; the caller has proven the password. */
    @Transactional
    public TotpEnrolment enrolTotp(String username) {
        String secret = Totp.newSecret();
        if (!accounts.enrolTotp(username, secret)) {
            throw new EnrolmentConflict();
        }
        events.publishEvent(new AccountEvent(AccountEvent.Type.ACCOUNT_CHANGED, username, "TOTP enrolled"));
        return new TotpEnrolment(secret, Totp.otpauthUri(ISSUER, username, secret));
    }

    /** A new TOTP secret, shown once (the body of {@code POST /api/auth/totp}). */
    public record TotpEnrolment(String secret, String otpauthUri) {
    }

    /** The account has a TOTP secret already; the security administrator's reset clears it. */
    public static final class EnrolmentConflict extends MedUnionException {

        public EnrolmentConflict() {
            super("auth.totpAlreadyEnrolled", "username");
        }

        @Override
        public int status() {
            return 409;
        }
    }
}
