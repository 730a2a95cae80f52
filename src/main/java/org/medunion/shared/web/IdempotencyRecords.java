package org.medunion.shared.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of first answers, one per caller and key (primary key: a concurrent duplicate cannot insert). */
@Component
class IdempotencyRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<StoredResponse> find(String username, String key) {
        return jdbc.sql("""
                select request_hash, endpoint, status, headers, response_body from shared_idempotency
                where username = ? and idempotency_key = ?""")
                .params(username, key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getString(2), rs.getInt(3),
                        StoredResponse.parseHeaders(rs.getString(4)), rs.getBytes(5)))
                .optional();
    }

    /** Throws {@code DuplicateKeyException} when a concurrent request with the same key committed first. */
    void insert(String username, String key, StoredResponse response) {
        jdbc.sql("""
                insert into shared_idempotency (username, idempotency_key, request_hash, endpoint, status, headers,
                                                response_body, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username, key, response.requestHash(), response.endpoint(), response.status(),
                        response.headerLines(), response.body(), Timestamp.from(clock.instant()))
                .update();
    }
}
