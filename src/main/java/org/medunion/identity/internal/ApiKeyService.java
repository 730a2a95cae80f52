package org.medunion.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.medunion.identity.AccountEvent;
import org.medunion.identity.ApiKeys;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrators' API keys as tokens of kind {@code API_KEY} in identity_api_token (the bearer filter resolves them
 * like access tokens, rate limit included). Keys expire ({@code medunion.security.api-key-lifetime}, 90 days by
 * default, 等保 identification: no credential without an end) and an integrator holds at most
 * {@code medunion.security.api-keys-per-account} live ones, so forgotten keys do not pile up (decision 0200).
 */
@Service
@Transactional
class ApiKeyService implements ApiKeys {

    /** Characters of the key's hash that name it in the list: public, and unique enough among one account's keys. */
    static final int ID_LENGTH = 12;

    private final JdbcClient jdbc;
    private final TokenService tokens;
    private final CurrentUsers users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;
    private final int cap;

    ApiKeyService(JdbcClient jdbc, TokenService tokens, CurrentUsers users, ApplicationEventPublisher events, Clock clock,
                  @Value("${medunion.security.api-key-lifetime:P90D}") Duration lifetime,
                  @Value("${medunion.security.api-keys-per-account:5}") int cap) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
        this.cap = cap;
    }

    @Override
    public IssuedKey issue(String label) {
        CurrentUser me = integrator();
        String l = label == null ? "" : label.strip();
        if (l.isEmpty() || l.length() > 100) {
            throw new InvalidInputException("label", "apiKey.label");
        }
        if (mine().size() >= cap) {
            throw new ConflictException("apiKey.tooMany", "label", cap);
        }
        Instant now = clock.instant();
        String secret = tokens.newToken();
        String hash = TokenService.hash(secret);
        jdbc.sql("""
                insert into identity_api_token (token_hash, username, issued_at, expires_at, session_id, kind, label)
                values (?, ?, ?, ?, null, ?, ?)""")
                .params(hash, me.username(), Timestamp.from(now), Timestamp.from(now.plus(lifetime)), TokenService.API_KEY, l)
                .update();
        events.publishEvent(new AccountEvent(AccountEvent.Type.ACCOUNT_CHANGED, me.username(),
                "API key issued: " + hash.substring(0, ID_LENGTH)));
        return new IssuedKey(new ApiKeyView(hash.substring(0, ID_LENGTH), l, now, now.plus(lifetime)), secret);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ApiKeyView> mine() {
        CurrentUser me = integrator();
        return jdbc.sql("""
                select token_hash, label, issued_at, expires_at from identity_api_token
                where username = ? and kind = ? and expires_at > ? order by issued_at desc""")
                .params(me.username(), TokenService.API_KEY, Timestamp.from(clock.instant()))
                .query((rs, n) -> new ApiKeyView(rs.getString(1).substring(0, ID_LENGTH), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()))
                .list();
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    @Override
    public void revoke(String keyId) {
        CurrentUser me = integrator();
        if (keyId == null || !keyId.matches("[0-9a-f]{" + ID_LENGTH + "}")) {
            throw new NotFoundException("ApiKey", String.valueOf(keyId));
        }
        int removed = jdbc.sql("delete from identity_api_token where username = ? and kind = ? and token_hash like ?")
                .params(me.username(), TokenService.API_KEY, keyId + "%").update();
        if (removed == 0) {
            throw new NotFoundException("ApiKey", keyId);
        }
        events.publishEvent(new AccountEvent(AccountEvent.Type.TOKEN_REVOKED, me.username(), "API key revoked: " + keyId));
    }

    /** Keys are for systems that integrate, so only an integrator holds them, and only its own. */
    private CurrentUser integrator() {
        CurrentUser me = users.require();
        if (me.role() != Role.INTEGRATOR) {
            throw new ForbiddenException("apiKey.integratorOnly");
        }
        return me;
    }
}
