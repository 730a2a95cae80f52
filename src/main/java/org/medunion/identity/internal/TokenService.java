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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API and FHIR. Only a SHA-256 of each token is stored, so a copy of the
 * database does not hand out working tokens; every instance can check any token (stateless instances).
 * A login opens a session of one short-lived access token and one refresh token; revoking the session
 * (logout, password change, disable, reset, role change) ends both at once, on every instance.
 */
@Service
public class TokenService {

    static final String ACCESS = "ACCESS";
    static final String REFRESH = "REFRESH";
    /** An integrator's long-lived key (ApiKeyService): no session, no refresh. */
    static final String API_KEY = "API_KEY";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration refreshLifetime;
    private final int maxSessions;

    TokenService(JdbcClient jdbc, AccountStore accounts, Clock clock,
                 @Value("${medunion.security.token-lifetime:PT2H}") Duration lifetime,
                 @Value("${medunion.security.refresh-token-lifetime:PT12H}") Duration refreshLifetime,
                 @Value("${medunion.security.max-sessions-per-account:0}") int maxSessions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
        this.refreshLifetime = refreshLifetime;
        this.maxSessions = maxSessions;
    }

    /** A new session; when the account is at its cap, its oldest sessions end. */
    @Transactional
    public IssuedToken issue(CurrentUser user) {
        IssuedToken issued = insertSession(user.username(), UUID.randomUUID());
        if (maxSessions > 0) {
            endOldestSessions(user.username());
        }
        return issued;
    }

    public Optional<Session> resolve(String token) {
        Instant now = clock.instant();
        return jdbc.sql("select username, session_id from identity_api_token where token_hash = ? and kind in (?, ?) and expires_at > ?")
                .params(hash(token), ACCESS, API_KEY, Timestamp.from(now))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .flatMap(row -> accounts.find(row[0])
                        .filter(AccountStore.Account::enabled)
                        .map(a -> new Session(a.user(), row[1] == null ? null : UUID.fromString(row[1]),
                                a.mustChangePassword())));
    }

    /** Exchanges a refresh token for a new pair in the same session; the old pair stops working (rotation). */
    @Transactional
    public Optional<IssuedToken> refresh(String refreshToken) {
        Instant now = clock.instant();
        var row = jdbc.sql("select username, session_id from identity_api_token where token_hash = ? and kind = ? and expires_at > ?")
                .params(hash(refreshToken), REFRESH, Timestamp.from(now))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        if (row.isEmpty() || accounts.find(row.get()[0]).filter(AccountStore.Account::enabled).isEmpty()) {
            return Optional.empty();
        }
        UUID session = UUID.fromString(row.get()[1]);
        // the delete decides a race between two refreshes of the same token: only one of them removes the row
        if (jdbc.sql("delete from identity_api_token where token_hash = ?").param(hash(refreshToken)).update() != 1) {
            return Optional.empty();
        }
        jdbc.sql("delete from identity_api_token where session_id = ?").param(session).update();
        return Optional.of(insertSession(row.get()[0], session));
    }

    /** Ends the session the given access token belongs to (both tokens); the count of tokens removed. */
    int revokeSessionOf(String accessToken) {
        var session = jdbc.sql("select session_id from identity_api_token where token_hash = ?").param(hash(accessToken))
                .query(UUID.class).optional();
        if (session.isEmpty()) {
            return jdbc.sql("delete from identity_api_token where token_hash = ?").param(hash(accessToken)).update();
        }
        return jdbc.sql("delete from identity_api_token where session_id = ?").param(session.get()).update();
    }

    int revokeAll(String username) {
        return jdbc.sql("delete from identity_api_token where username = ?").param(username).update();
    }

    /** Every session of the account but the one given (password change keeps the caller signed in). */
    int revokeAllExcept(String username, @Nullable UUID keptSession) {
        if (keptSession == null) {
            return revokeAll(username);
        }
        return jdbc.sql("delete from identity_api_token where username = ? and (session_id is null or session_id <> ?)")
                .params(username, keptSession).update();
    }

    @Scheduled(fixedDelayString = "${medunion.security.cleanup-interval:PT10M}", initialDelayString = "PT1M")
    int deleteExpired() {
        return jdbc.sql("delete from identity_api_token where expires_at <= ?").param(Timestamp.from(clock.instant())).update();
    }

    private IssuedToken insertSession(String username, UUID session) {
        Instant now = clock.instant();
        String access = newToken();
        String refresh = newToken();
        Instant expires = now.plus(lifetime);
        Instant refreshExpires = now.plus(refreshLifetime);
        String sql = "insert into identity_api_token (token_hash, username, issued_at, expires_at, session_id, kind) values (?, ?, ?, ?, ?, ?)";
        jdbc.sql(sql).params(hash(access), username, Timestamp.from(now), Timestamp.from(expires), session, ACCESS).update();
        jdbc.sql(sql).params(hash(refresh), username, Timestamp.from(now), Timestamp.from(refreshExpires), session, REFRESH).update();
        return new IssuedToken(access, expires, refresh, refreshExpires);
    }

    private void endOldestSessions(String username) {
        var sessions = jdbc.sql("""
                select session_id from identity_api_token where username = ? and kind = ? and session_id is not null
                order by issued_at desc""").params(username, REFRESH).query(UUID.class).list();
        for (UUID old : sessions.subList(Math.min(maxSessions, sessions.size()), sessions.size())) {
            jdbc.sql("delete from identity_api_token where session_id = ?").param(old).update();
        }
    }

    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedToken(String token, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
    }

    /** What a valid access token stands for. */
    public record Session(CurrentUser user, @Nullable UUID id, boolean mustChangePassword) {
    }
}
