package org.medunion.referral.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medunion.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key for creating referrals: the same key from the same account returns the first referral.
 * Kept in this one class so that it can be replaced by the shared mechanism (issue 11) in one step.
 */
@Component
class ReferralIdempotency {

    private static final int MAX_KEY = 100;

    private final JdbcClient jdbc;

    ReferralIdempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The referral an earlier request with this key created, after checking the key; empty without a key. */
    Optional<UUID> earlier(String key, String username) {
        if (!present(key)) {
            return Optional.empty();
        }
        if (key.length() > MAX_KEY) {
            throw new InvalidInputException("Idempotency-Key", ReferralError.IDEMPOTENCY_KEY_TOO_LONG);
        }
        return jdbc.sql("select referral_id from referral_idempotency where idempotency_key = ? and username = ?")
                .params(key, username).query(UUID.class).optional();
    }

    void remember(String key, String username, UUID referralId, Instant now) {
        if (present(key)) {
            jdbc.sql("insert into referral_idempotency (idempotency_key, username, referral_id, created_at) values (?, ?, ?, ?)")
                    .params(key, username, referralId, ReferralStore.ts(now)).update();
        }
    }

    private static boolean present(String key) {
        return key != null && !key.isBlank();
    }
}
