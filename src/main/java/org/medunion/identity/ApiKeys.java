package org.medunion.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An integrator's own API keys (issue 18): long-lived bearer tokens a hospital system uses instead of logging in,
 * each with a label, an expiry and a revocation. The key is shown once when issued; only its hash is kept
 * (decision 0200). Issuing and revoking are audited; a password change revokes them with every other token.
 */
public interface ApiKeys {

    /** A new key for the calling integrator; 400 on a blank or over-long label, 409 over the cap of live keys. */
    IssuedKey issue(String label);

    /** The caller's live keys, newest first. */
    List<ApiKeyView> mine();

    /** How long a key lives from its issue. */
    Duration lifetime();

    /** Revokes one of the caller's keys; 404 when the caller has no such key. */
    void revoke(String keyId);

    /**
     * A key as the list shows it, never the secret.
     *
     * @param id a short public handle (the start of the key's hash), enough to revoke it
     */
    record ApiKeyView(String id, String label, Instant issuedAt, Instant expiresAt) {

        /** True when the key expires within {@code days} days of {@code now}. */
        public boolean expiresWithin(Instant now, int days) {
            return expiresAt.isBefore(now.plus(Duration.ofDays(days)));
        }
    }

    /** A key just issued: {@code secret} is what the system sends as {@code Authorization: Bearer}, shown once. */
    record IssuedKey(ApiKeyView key, String secret) {
    }
}
