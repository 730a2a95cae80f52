package org.medunion.fhir.internal.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fhir module's own table of Subscriptions (fhir_subscription). */
@Repository
class SubscriptionStore {

    /** One stored subscription; {@code failures} counts deliveries failed in a row. */
    record Row(UUID id, String owner, String criteria, String endpoint, @Nullable String header, String reason, String status,
               @Nullable String error, int failures, Instant createdAt, Instant updatedAt, long version) {

        SubscriptionCriteria parsed() {
            return SubscriptionCriteria.parse(criteria);
        }
    }

    private static final RowMapper<Row> ROWS = (rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("owner"),
            rs.getString("criteria"), rs.getString("endpoint"), rs.getString("header"), rs.getString("reason"),
            rs.getString("status"), rs.getString("error"), rs.getInt("failures"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row, SubscriptionCriteria criteria) {
        jdbc.sql("""
                insert into fhir_subscription (id, owner, criteria, resource_type, institution_id, relation, task_status,
                                               endpoint, header, reason, status, error, failures, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 1)""")
                .params(Arrays.asList(row.id(), row.owner(), row.criteria(), criteria.resourceType(), criteria.institution(),
                        criteria.relation(), criteria.taskStatus(), row.endpoint(), row.header(), row.reason(), row.status(),
                        row.error(), Timestamp.from(row.createdAt()), Timestamp.from(row.updatedAt())))
                .update();
    }

    Optional<Row> find(UUID id, String owner) {
        return jdbc.sql("select * from fhir_subscription where id = ? and owner = ?").params(id, owner).query(ROWS).optional();
    }

    List<Row> ofOwner(String owner, int limit, int offset) {
        return jdbc.sql("select * from fhir_subscription where owner = ? order by created_at, id limit ? offset ?")
                .params(owner, limit, offset).query(ROWS).list();
    }

    long countOfOwner(String owner) {
        return jdbc.sql("select count(*) from fhir_subscription where owner = ?").param(owner).query(Long.class).single();
    }

    /** Active subscriptions watching an institution (indexed). */
    List<Row> activeFor(UUID institution) {
        return jdbc.sql("select * from fhir_subscription where institution_id = ? and status = 'active'")
                .param(institution).query(ROWS).list();
    }

    /** Sets the status a client asked for (off, or back to active), clearing the error; version-checked. */
    boolean setStatus(UUID id, long version, String status, Instant now) {
        return jdbc.sql("""
                update fhir_subscription set status = ?, error = null, failures = 0, updated_at = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(status, Timestamp.from(now), id, version).update() == 1;
    }

    void delivered(UUID id, Instant now) {
        jdbc.sql("""
                update fhir_subscription set failures = 0, error = null, updated_at = ?, version = version + 1
                 where id = ? and (failures > 0 or error is not null)""")
                .params(Timestamp.from(now), id).update();
    }

    /** Counts a failed delivery; after {@code limit} in a row the subscription goes to status error. */
    void failed(UUID id, @Nullable String error, int limit, Instant now) {
        jdbc.sql("""
                update fhir_subscription set failures = failures + 1, error = ?, updated_at = ?, version = version + 1,
                       status = case when failures + 1 >= ? then 'error' else status end
                 where id = ?""")
                .params(Arrays.asList(error == null || error.length() <= 1000 ? error : error.substring(0, 1000), Timestamp.from(now),
                        limit, id))
                .update();
    }
}
