package org.medunion.residents.web;

import org.medunion.residents.ResidentsError;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for the module's POST endpoints: the first response for a key and user is stored
 * in the same transaction as the change; a repeat gets the same status and body without doing anything again.
 */
@Component
class IdempotentPosts {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CurrentUsers users;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    IdempotentPosts(JdbcClient jdbc, TransactionTemplate tx, CurrentUsers users, JsonMapper json, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(String endpoint, int status, String body) {
    }

    ResponseEntity<?> run(String key, String endpoint, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "request.invalidField", key.length() > 40 ? key.substring(0, 40) : key,
                    "[A-Za-z0-9_.:-]{1,100}");
        }
        String user = users.require().username();
        try {
            return tx.execute(status -> {
                Optional<Stored> stored = find(key, user);
                if (stored.isPresent()) {
                    return replay(stored.get(), endpoint);
                }
                ResponseEntity<?> response = action.get();
                jdbc.sql("""
                        insert into residents_idempotency (idempotency_key, username, endpoint, status, response_body, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(key, user, endpoint, response.getStatusCode().value(), json.writeValueAsString(response.getBody()),
                                Timestamp.from(clock.instant()))
                        .update();
                return response;
            });
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key committed first: answer as it did
            return replay(find(key, user).orElseThrow(() -> e), endpoint);
        }
    }

    private Optional<Stored> find(String key, String user) {
        return jdbc.sql("select endpoint, status, response_body from residents_idempotency where idempotency_key = ? and username = ?")
                .params(key, user)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    private ResponseEntity<?> replay(Stored stored, String endpoint) {
        if (!stored.endpoint().equals(endpoint)) {
            throw new ConflictException(ResidentsError.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key");
        }
        // the stored answer (full ID and phone included) goes out again: audited like the first answer
        String resident = residentOf(stored.body());
        audit.record(AuditAction.READ, resident == null ? "IdempotentReplay" : "resident", resident, resident,
                "Idempotency-Key replay of " + endpoint);
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").body(stored.body());
    }

    /** The resident a stored answer is about: a registration's {@code resident.id}, else a {@code residentId}. */
    private String residentOf(String body) {
        try {
            var node = json.readTree(body);
            var ref = node.path("resident").path("id");
            if (ref.isMissingNode() || ref.isNull()) {
                ref = node.path("residentId");
            }
            if (ref.isObject()) {
                ref = ref.path("value"); // typed IDs serialise as {"value": …}
            }
            return ref.isValueNode() ? ref.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
