package org.medunion.diagnostics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ExplanationMedium;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Patient explanations (NAT-R-8), one per re-examination decision that passed over an offered result. */
@Component
class ExplanationStore {

    private final JdbcClient jdbc;

    ExplanationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One explanation as stored (the item's name is the caller's to add). */
    record Row(UUID decisionId, UUID residentId, String itemCode, String reasonCode, String text, UUID orderingInstitutionId,
               String decidedBy, Instant preparedAt, @Nullable Instant givenAt, @Nullable String givenBy,
               @Nullable ExplanationMedium medium) {
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into diagnostics_explanation (decision_id, resident_id, item_code, reason_code, text, ordering_institution_id,
                  decided_by, prepared_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.decisionId(), r.residentId(), r.itemCode(), r.reasonCode(), r.text(), r.orderingInstitutionId(), r.decidedBy(),
                        Timestamp.from(r.preparedAt()))
                .update();
    }

    /** Marks it given unless it already is; false when another record came first. */
    boolean given(UUID decision, Instant at, String by, ExplanationMedium medium) {
        return jdbc
                .sql("update diagnostics_explanation set given_at = ?, given_by = ?, medium = ? where decision_id = ? and given_at is null")
                .params(Timestamp.from(at), by, medium.name(), decision).update() == 1;
    }

    Optional<Row> find(UUID decision) {
        return jdbc.sql("select * from diagnostics_explanation where decision_id = ?").param(decision).query(ExplanationStore::row)
                .optional();
    }

    List<Row> ofResident(UUID resident) {
        return jdbc.sql("select * from diagnostics_explanation where resident_id = ? order by prepared_at desc").param(resident)
                .query(ExplanationStore::row).list();
    }

    List<Row> pending(String decidedBy, int limit) {
        return jdbc.sql("select * from diagnostics_explanation where decided_by = ? and given_at is null order by prepared_at fetch first "
                + Math.max(1, limit) + " rows only").param(decidedBy).query(ExplanationStore::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp given = rs.getTimestamp("given_at");
        String medium = rs.getString("medium");
        return new Row(rs.getObject("decision_id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getString("item_code"),
                rs.getString("reason_code"), rs.getString("text"), rs.getObject("ordering_institution_id", UUID.class),
                rs.getString("decided_by"), rs.getTimestamp("prepared_at").toInstant(), given == null ? null : given.toInstant(),
                rs.getString("given_by"), medium == null ? null : ExplanationMedium.valueOf(medium));
    }
}
