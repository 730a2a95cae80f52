package org.medunion.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.medunion.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Opaque bearer tokens for the API and FHIR. Only a SHA-256 of each token is stored, so a copy of the
 * database does not hand out working tokens; every instance can check any token (stateless instances).
 */
@Service
class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final Clock clock;
    private final Duration lifetime;

    TokenService(JdbcClient jdbc, AccountStore accounts, Clock clock,
                 @Value("${medunion.security.token-lifetime:PT12H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    IssuedToken issue(CurrentUser user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("insert into identity_api_token (token_hash, username, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), user.username(), Timestamp.from(now), Timestamp.from(expires)).update();
        return new IssuedToken(token, expires);
    }

    Optional<CurrentUser> resolve(String token) {
        Instant now = clock.instant();
        return jdbc.sql("select username from identity_api_token where token_hash = ? and expires_at > ?")
                .params(hash(token), Timestamp.from(now)).query(String.class).optional()
                .flatMap(accounts::find)
                .filter(a -> a.enabled() && (a.lockedUntil() == null || a.lockedUntil().isBefore(now)))
                .map(AccountStore.Account::user);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record IssuedToken(String token, Instant expiresAt) {
    }
}
