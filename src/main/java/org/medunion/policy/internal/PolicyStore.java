package org.medunion.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.rules.Finding;
import org.medunion.policy.rules.FindingStatus;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Parameters;
import org.medunion.policy.rules.Severity;
import org.medunion.policy.rules.SubjectType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The policy module's tables (policy_*), nothing else. */
@Repository
public class PolicyStore {

    private static final String SEP = "\u001f";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PolicyStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- packs

    Map<Pack, Set<String>> packJurisdictions() {
        Map<Pack, Set<String>> out = new EnumMap<>(Pack.class);
        jdbc.sql("select jurisdiction, pack from policy_jurisdiction_pack").query(rs -> {
            out.computeIfAbsent(Pack.valueOf(rs.getString("pack")), k -> new HashSet<>()).add(rs.getString("jurisdiction"));
        });
        return out;
    }

    public record PackRow(String jurisdiction, Pack pack, String updatedBy, Instant updatedAt) {
    }

    List<PackRow> packRows() {
        return jdbc.sql("select * from policy_jurisdiction_pack order by jurisdiction, pack")
                .query((rs, n) -> new PackRow(rs.getString("jurisdiction"), Pack.valueOf(rs.getString("pack")), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    void replacePacks(String jurisdiction, Set<Pack> packs, String by, Instant at) {
        jdbc.sql("delete from policy_jurisdiction_pack where jurisdiction = ?").param(jurisdiction).update();
        for (Pack p : packs) {
            jdbc.sql("insert into policy_jurisdiction_pack (jurisdiction, pack, updated_by, updated_at) values (?, ?, ?, ?)")
                    .params(jurisdiction, p.name(), by, Timestamp.from(at)).update();
        }
    }

    // ---- parameter overrides

    public record ParameterOverrideRow(UUID id, String jurisdiction, String ruleId, String parameter, String value, String reason,
                                       String createdBy, Instant createdAt) {
    }

    List<ParameterOverrideRow> parameterOverrides() {
        return jdbc.sql("select * from policy_parameter_override order by created_at desc, id").query((rs, n) -> new ParameterOverrideRow(
                rs.getObject("id", UUID.class), rs.getString("jurisdiction"), rs.getString("rule_id"), rs.getString("parameter"),
                rs.getString("param_value"), rs.getString("reason"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The overrides in force: the newest per (jurisdiction, rule, parameter). */
    Parameters parameters() {
        Set<String> seen = new HashSet<>();
        List<Parameters.Override> inForce = new ArrayList<>();
        for (var r : parameterOverrides()) {
            if (seen.add(r.jurisdiction() + "|" + r.ruleId() + "|" + r.parameter())) {
                inForce.add(new Parameters.Override(r.jurisdiction(), r.ruleId(), r.parameter(), r.value()));
            }
        }
        return new Parameters(inForce);
    }

    void insertParameterOverride(ParameterOverrideRow r) {
        jdbc.sql(
                "insert into policy_parameter_override (id, jurisdiction, rule_id, parameter, param_value, reason, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.jurisdiction(), r.ruleId(), r.parameter(), r.value(), r.reason(), r.createdBy(),
                        Timestamp.from(r.createdAt()))
                .update();
    }

    // ---- blocked-change overrides

    public record OverrideRow(UUID id, String ruleId, String findingKey, String changeAction, @Nullable UUID consortiumId,
                              List<String> objects,
                              String evidence, String reason, String createdBy, Instant createdAt) {
    }

    void insertOverride(OverrideRow r) {
        jdbc.sql(
                "insert into policy_override (id, rule_id, finding_key, change_action, consortium_id, objects, evidence, reason, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Arrays.asList(r.id(), r.ruleId(), r.findingKey(), r.changeAction(), r.consortiumId(),
                        cut(String.join(SEP, r.objects())), cut(r.evidence()), r.reason(), r.createdBy(), Timestamp.from(r.createdAt())))
                .update();
    }

    List<OverrideRow> overrides() {
        return jdbc.sql("select * from policy_override order by created_at desc").query((rs, n) -> new OverrideRow(
                rs.getObject("id", UUID.class), rs.getString("rule_id"), rs.getString("finding_key"), rs.getString("change_action"),
                rs.getObject("consortium_id", UUID.class), split(rs.getString("objects")), rs.getString("evidence"), rs.getString("reason"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant())).list();
    }

    /** What planners let through: finding key + the evidence they saw (a worse state is not covered). */
    Set<String> overriddenKeys() {
        return new HashSet<>(jdbc.sql("select finding_key, evidence from policy_override")
                .query((rs, n) -> overrideKey(rs.getString(1), rs.getString(2))).list());
    }

    /** How an override names what it let through: the finding's key and its evidence as stored (cut). */
    static String overrideKey(String findingKey, String evidence) {
        return findingKey + "\u001e" + cut(evidence);
    }

    // ---- findings

    List<StoredFinding> findings(boolean includeResolved) {
        return jdbc.sql("select * from policy_finding" + (includeResolved ? "" : " where resolved_at is null")
                + " order by rule_id, first_seen, finding_key").query(this::finding).list();
    }

    List<StoredFinding> findingsOfConsortium(UUID consortiumId) {
        return jdbc.sql("select * from policy_finding where consortium_id = ? or objects like ? order by rule_id, first_seen")
                .params(consortiumId, "%Organization/" + consortiumId + "%").query(this::finding).list();
    }

    /**
     * Upserts the current findings: new ones appear now, present ones are refreshed, absent ones are resolved now.
     *
     * @return {inserted, updated, resolved}
     */
    int[] upsert(List<Finding> current, Instant now, LocalDate asOf) {
        Date day = Date.valueOf(asOf);
        Map<String, OpenRow> open = new HashMap<>();
        jdbc.sql("select id, finding_key, severity, status, subject_name, message_args, evidence, objects from policy_finding"
                + " where resolved_at is null").query(
                        (rs, n) -> open.put(rs.getString("finding_key"), new OpenRow(
                                rs.getObject("id", UUID.class), Arrays.asList(rs.getString("severity"), rs.getString("status"),
                                        rs.getString("subject_name"), rs.getString("message_args"), rs.getString("evidence"),
                                        rs.getString("objects")))))
                .list();
        Timestamp ts = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<UUID> seenAgain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Finding f : current) {
            if (!seen.add(f.key())) {
                continue;
            }
            OpenRow row = open.remove(f.key());
            String args = cut(String.join(SEP, f.args()));
            String objects = cut(String.join(SEP, f.objects()));
            if (row == null) {
                inserts.add(new Object[] {UUID.randomUUID(), f.key(), f.ruleId(), pack(f.ruleId()).name(), f.severity().name(),
                        f.status().name(),
                        f.subject().type().name(), f.subject().key(), cut(f.subject().name(), 300), f.subject().divisionCode(),
                        f.subject().consortiumId() == null ? null : f.subject().consortiumId().value(), cut(f.aspect(), 120),
                        f.messageKey(), args, cut(f.evidence()), objects, ts, ts, day});
                continue;
            }
            var values = Arrays.<@Nullable Object>asList(f.severity().name(), f.status().name(), cut(f.subject().name(), 300), args,
                    cut(f.evidence()), objects);
            if (values.equals(row.values())) {
                seenAgain.add(row.id());
            } else {
                var update = new ArrayList<@Nullable Object>(values);
                update.addAll(Arrays.asList(ts, day, row.id()));
                updates.add(update.toArray());
            }
        }
        template.batchUpdate("insert into policy_finding (id, finding_key, rule_id, pack, severity, status, subject_type, subject_key, "
                + "subject_name, division_code, consortium_id, aspect, message_key, message_args, evidence, objects, first_seen, last_seen, "
                + "as_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        template.batchUpdate("update policy_finding set severity = ?, status = ?, subject_name = ?, message_args = ?, evidence = ?, "
                + "objects = ?, last_seen = ?, as_of = ? where id = ?", updates);
        touch(seenAgain, ts, day);
        List<Object[]> resolved = open.values().stream().map(r -> new Object[] {ts, r.id()}).toList();
        template.batchUpdate("update policy_finding set resolved_at = ? where id = ?", resolved);
        return new int[] {inserts.size(), updates.size() + seenAgain.size(), resolved.size()};
    }

    /** An open finding as stored: its id and what an evaluation may change (severity … objects, in the update's order). */
    private record OpenRow(UUID id, List<@Nullable String> values) {
    }

    /**
     * The findings an evaluation saw again unchanged get their last-seen time and day only, in statements of 1,000 ids
     * instead of one full update each: an evaluation follows every evidence change (each ingest of encounters) and
     * rewrote every open finding, about 230 in the test city, one statement at a time (P-5, decision 0270).
     */
    private void touch(List<UUID> ids, Timestamp ts, Date day) {
        for (int from = 0; from < ids.size(); from += 1_000) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 1_000));
            jdbc.sql("update policy_finding set last_seen = :ts, as_of = :day where id in (:ids)")
                    .param("ts", ts).param("day", day).param("ids", chunk).update();
        }
    }

    /** Findings of the rules given, not resolved, by key → evidence (the guard compares them with the post-change state). */
    Map<String, String> openEvidence() {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select finding_key, evidence from policy_finding where resolved_at is null and status <> ?")
                .param(FindingStatus.NO_DATA.name()).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    // ---- manual evidence

    public record ManualEvidenceRow(UUID id, UUID consortiumId, String criterion, String text, String createdBy, Instant createdAt) {
    }

    void insertManualEvidence(ManualEvidenceRow r) {
        jdbc.sql(
                "insert into policy_manual_evidence (id, consortium_id, criterion, text, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.consortiumId(), r.criterion(), r.text(), r.createdBy(), Timestamp.from(r.createdAt())).update();
    }

    List<ManualEvidenceRow> manualEvidence(UUID consortiumId) {
        return jdbc.sql("select * from policy_manual_evidence where consortium_id = ? order by created_at desc").param(consortiumId)
                .query((rs, n) -> new ManualEvidenceRow(rs.getObject("id", UUID.class), rs.getObject("consortium_id", UUID.class),
                        rs.getString("criterion"), rs.getString("text"), rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    // ---- helpers

    private StoredFinding finding(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new StoredFinding(rs.getObject("id", UUID.class), rs.getString("finding_key"), rs.getString("rule_id"),
                Pack.valueOf(rs.getString("pack")), Severity.valueOf(rs.getString("severity")),
                FindingStatus.valueOf(rs.getString("status")), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_key"), rs.getString("subject_name"), rs.getString("division_code"),
                rs.getObject("consortium_id", UUID.class), rs.getString("aspect"), rs.getString("message_key"),
                split(rs.getString("message_args")), rs.getString("evidence"), split(rs.getString("objects")),
                rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant(),
                resolved == null ? null : resolved.toInstant(), rs.getDate("as_of") == null ? null : rs.getDate("as_of").toLocalDate());
    }

    /** A rule's pack is its ID's prefix ({@code NAT-3} → NAT). */
    private static Pack pack(String ruleId) {
        return Pack.valueOf(ruleId.substring(0, ruleId.indexOf('-')));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(SEP, -1));
    }

    private static String cut(String s) {
        return cut(s, 4000);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
