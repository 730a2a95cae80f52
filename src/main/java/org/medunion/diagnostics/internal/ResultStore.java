package org.medunion.diagnostics.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.diagnostics.ReportStudy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reports with their observations, and recognition decisions. */
@Component
class ResultStore {

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored report before names are added. */
    record Row(ReportId id, UUID residentId, String itemCode, UUID performerId, @Nullable UUID orderId, ReportStatus status,
               LocalDate resultDate, boolean critical, @Nullable String mark, @Nullable String conclusion,
               @Nullable String studyUrl, List<Observation> observations, Instant recordedAt, long version,
               @Nullable ReportStudy study) {
    }

    /** A report's identifier at the performing member (result import): unique per performer. */
    record Source(String system, String value) {
    }

    void save(Row r, String by) {
        save(r, by, null);
    }

    void save(Row r, String by, @Nullable Source source) {
        ReportStudy study = r.study();
        jdbc.sql("""
                insert into diagnostics_report (id, resident_id, item_code, performer_institution_id, order_id, status, result_date,
                    critical, recognition_mark, conclusion, study_url, recorded_by, recorded_at, version, source_system, source_value,
                    study_uid, study_modality, study_started, study_series, study_instances)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Required.args(r.id().value(), r.residentId(), r.itemCode(), r.performerId(), r.orderId(), r.status().name(),
                        Date.valueOf(r.resultDate()), r.critical(), r.mark(), r.conclusion(), r.studyUrl(), by,
                        Timestamp.from(r.recordedAt()), source == null ? null : source.system(),
                        source == null ? null : source.value(), study == null ? null : study.uid(),
                        study == null || study.modalities().isEmpty() ? null : String.join(",", study.modalities()),
                        study == null || study.started() == null ? null : Timestamp.from(study.started()),
                        study == null ? null : study.series(), study == null ? null : study.instances()))
                .update();
        int seq = 0;
        for (Observation o : r.observations()) {
            jdbc.sql("""
                    insert into diagnostics_observation (report_id, seq, code, name, obs_value, unit, reference_range)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(Required.args(r.id().value(), ++seq, o.code(), o.name(), o.value(), o.unit(), o.referenceRange())).update();
        }
    }

    Optional<Row> report(UUID id) {
        return jdbc.sql("select * from diagnostics_report where id = ?").param(id).query(this::row).optional();
    }

    /** The report the performer recorded under the identifier, if any (index diagnostics_report_source). */
    Optional<Row> bySource(UUID performer, Source source) {
        return jdbc.sql("""
                select * from diagnostics_report where performer_institution_id = ? and source_system = ? and source_value = ?""")
                .params(Required.args(performer, source.system(), source.value())).query(this::row).optional();
    }

    List<Row> ofResident(UUID resident) {
        return jdbc.sql("select * from diagnostics_report where resident_id = ? order by result_date desc, recorded_at desc")
                .param(resident).query(this::row).list();
    }

    /**
     * The look-up of recognition: one resident, one item, newest first (index diagnostics_report_lookup). The rows
     * come without their observations: an offer names a result and judges it, it shows no values — one query
     * instead of one more per result on the path of every order entry (P-8).
     */
    List<Row> forLookup(UUID resident, String item, int limit) {
        return jdbc.sql("""
                select * from diagnostics_report where resident_id = ? and item_code = ?
                 order by result_date desc fetch first %d rows only""".formatted(limit))
                .params(Required.args(resident, item)).query((rs, n) -> row(rs, List.of())).list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Observation> obs = jdbc.sql("select * from diagnostics_observation where report_id = ? order by seq").param(id)
                .query((r, i) -> new Observation(r.getString("code"), r.getString("name"), r.getString("obs_value"),
                        r.getString("unit"), r.getString("reference_range")))
                .list();
        return row(rs, obs);
    }

    private static Row row(ResultSet rs, List<Observation> obs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Row(new ReportId(id), rs.getObject("resident_id", UUID.class), rs.getString("item_code"),
                rs.getObject("performer_institution_id", UUID.class), rs.getObject("order_id", UUID.class),
                ReportStatus.valueOf(rs.getString("status")), rs.getDate("result_date").toLocalDate(), rs.getBoolean("critical"),
                rs.getString("recognition_mark"), rs.getString("conclusion"), rs.getString("study_url"), obs,
                rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"), study(rs));
    }

    /** The imaging study a PACS sent with the report (decision 0238), null when none was. */
    private static @Nullable ReportStudy study(ResultSet rs) throws SQLException {
        String uid = rs.getString("study_uid");
        if (uid == null) {
            return null;
        }
        String modality = rs.getString("study_modality");
        Timestamp started = rs.getTimestamp("study_started");
        return new ReportStudy(uid, modality == null ? List.of() : List.of(modality.split(",")),
                started == null ? null : started.toInstant(), rs.getObject("study_series", Integer.class),
                rs.getObject("study_instances", Integer.class));
    }

    void save(DecisionView d) {
        jdbc.sql("""
                insert into diagnostics_decision (id, resident_id, item_code, ordering_institution_id, report_id, outcome,
                    reason_code, reason_text, avoided_price, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Required.args(d.id(), d.residentId(), d.itemCode(), d.orderingInstitutionId(), d.reportId(), d.outcome().name(),
                        d.reasonCode(), d.reasonText(), d.avoidedPrice(), d.decidedBy(), Timestamp.from(d.decidedAt())))
                .update();
    }

    /** Ties a re-examination to the order placed with it at order entry (NAT-R-5). */
    void linkOrder(UUID decision, UUID order) {
        jdbc.sql("update diagnostics_decision set order_id = ? where id = ?").params(order, decision).update();
    }

    Optional<DecisionView> decision(UUID id) {
        return jdbc.sql("select * from diagnostics_decision where id = ?").param(id).query(ResultStore::decision).optional();
    }

    List<DecisionView> decisionsOf(UUID resident) {
        return jdbc.sql("select * from diagnostics_decision where resident_id = ? order by decided_at desc").param(resident)
                .query(ResultStore::decision).list();
    }

    /** Decisions of ordering institutions (all when null), for the overview. */
    List<DecisionView> decisionsBy(@Nullable List<UUID> institutions) {
        if (institutions == null) {
            return jdbc.sql("select * from diagnostics_decision").query(ResultStore::decision).list();
        }
        if (institutions.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(institutions.size(), "?"));
        return jdbc.sql("select * from diagnostics_decision where ordering_institution_id in (" + marks + ")")
                .params(List.copyOf(institutions)).query(ResultStore::decision).list();
    }

    private static DecisionView decision(ResultSet rs, int n) throws SQLException {
        BigDecimal price = rs.getBigDecimal("avoided_price");
        return new DecisionView(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class), rs.getString("item_code"),
                rs.getObject("ordering_institution_id", UUID.class), DecisionOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("report_id", UUID.class), rs.getString("reason_code"), rs.getString("reason_text"), price,
                rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(), rs.getObject("order_id", UUID.class));
    }
}
