package org.medunion.pharmacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.shared.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Explicit SQL for the pharmacy tables; saves are guarded by the version read. */
@Repository
class PharmacyStore {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    PharmacyStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    // catalogue

    void saveCatalogueItem(UUID institution, CatalogueItem item, String by, Instant at) {
        jdbc.sql("delete from pharmacy_catalogue_item where institution_id = ? and local_code = ?").params(institution, item.localCode())
                .update();
        jdbc.sql("""
                insert into pharmacy_catalogue_item (institution_id, local_code, local_name, formulary_code, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(institution, item.localCode(), item.localName(), item.formularyCode(), by, Timestamp.from(at)))
                .update();
    }

    Map<UUID, List<CatalogueItem>> catalogues(@Nullable List<UUID> institutions) {
        var out = new LinkedHashMap<UUID, List<CatalogueItem>>();
        if (institutions != null && institutions.isEmpty()) {
            return out;
        }
        String where = institutions == null ? ""
                : " where institution_id in (" + String.join(",", institutions.stream().map(i -> "?").toList()) + ")";
        jdbc.sql("select * from pharmacy_catalogue_item" + where + " order by institution_id, local_code")
                .params(institutions == null ? List.of() : new ArrayList<Object>(institutions))
                .query((rs, n) -> {
                    out.computeIfAbsent(rs.getObject("institution_id", UUID.class), k -> new ArrayList<>())
                            .add(new CatalogueItem(rs.getString("local_code"), rs.getString("local_name"), rs.getString("formulary_code")));
                    return n;
                }).list();
        return out;
    }

    // prescriptions

    void insert(Prescription p) {
        jdbc.sql("""
                insert into pharmacy_prescription (id, number, resident_id, resident_name, resident_age, prescribing_institution_id,
                  prescriber, reviewing_institution_id, encounter_type, diagnosis_code, diagnosis_text, chronic, urgent, reason,
                  long_prescription, max_days, long_rule, assessment_note, patient_confirmed, validity_days, pregnant, allergies,
                  guardian_name, status, review_round, override_count, due_at, dispensing_institution_id, central_distribution,
                  site_confirmed, submitted_at, updated_at, referral_id, long_eligible, beyond_normal, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(Arrays.asList(p.id, p.number, p.residentId, p.residentName, p.residentAge, p.prescribingInstitutionId, p.prescriber,
                        p.reviewingInstitutionId, p.encounterType.name(), p.diagnosisCode, p.diagnosisText, p.chronic, p.urgent, p.reason,
                        p.longPrescription, p.maxDays, p.longRule, p.assessmentNote, p.patientConfirmed, p.validityDays, p.pregnant,
                        p.allergies, p.guardianName, p.status().name(), p.progress().reviewRound(), p.progress().overrideCount(),
                        ts(p.dueAt),
                        p.dispensingInstitutionId, p.centralDistribution, p.siteConfirmed, ts(p.submittedAt), ts(p.updatedAt),
                        p.referralId, p.longEligible, p.beyondNormal))
                .update();
        writeParts(p);
        flush(p, 0);
    }

    /**
     * Saves everything a move or resubmission may change, with the moves it recorded and the events it registered; a
     * concurrent change is 409 and writes nothing.
     */
    void update(Prescription p, boolean parts) {
        var g = p.progress();
        int n = jdbc
                .sql("""
                        update pharmacy_prescription set status = ?, encounter_type = ?, diagnosis_code = ?, diagnosis_text = ?, chronic = ?,
                          urgent = ?, reason = ?, long_prescription = ?, max_days = ?, long_rule = ?, assessment_note = ?, patient_confirmed = ?,
                          validity_days = ?, pregnant = ?, allergies = ?, guardian_name = ?, review_round = ?, override_count = ?,
                          override_reason = ?, review_note = ?, return_reason = ?, reviewed_by = ?, reviewed_at = ?, due_at = ?,
                          dispensing_institution_id = ?, central_distribution = ?, site_confirmed = ?, dispense_reason = ?, dispense_note = ?,
                          dispensed_by = ?, dispensed_at = ?, submitted_at = ?, updated_at = ?, long_eligible = ?, beyond_normal = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(Arrays.asList(g.status().name(), p.encounterType.name(), p.diagnosisCode, p.diagnosisText, p.chronic, p.urgent,
                        p.reason, p.longPrescription, p.maxDays, p.longRule, p.assessmentNote, p.patientConfirmed, p.validityDays,
                        p.pregnant, p.allergies, p.guardianName, g.reviewRound(), g.overrideCount(), g.overrideReason(), g.reviewNote(),
                        g.returnReason(), g.reviewedBy(), ts(g.reviewedAt()), ts(p.dueAt), p.dispensingInstitutionId,
                        p.centralDistribution, p.siteConfirmed, g.dispenseReason(), g.dispenseNote(), g.dispensedBy(),
                        ts(g.dispensedAt()), ts(p.submittedAt), ts(p.updatedAt), p.longEligible, p.beyondNormal, p.id, p.version()))
                .update();
        if (n != 1) {
            throw new ConflictException("common.staleVersion", "version");
        }
        if (parts) {
            jdbc.sql("delete from pharmacy_prescription_item where prescription_id = ?").param(p.id).update();
            jdbc.sql("delete from pharmacy_finding where prescription_id = ?").param(p.id).update();
            writeParts(p);
        }
        flush(p, p.version() + 1);
    }

    /** Writes the recorded moves, publishes the registered events, and marks them done at {@code version}. */
    private void flush(Prescription p, long version) {
        for (var t : p.pendingTransitions()) {
            jdbc.sql("""
                    insert into pharmacy_transition (id, prescription_id, from_status, action, to_status, actor, reason, at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Arrays.asList(UUID.randomUUID(), p.id, t.from() == null ? null : t.from().name(), t.action().name(),
                            t.to().name(), t.actor(), t.reason(), Timestamp.from(t.at())))
                    .update();
        }
        p.pendingEvents().forEach(events::publishEvent);
        p.saved(version);
    }

    private void writeParts(Prescription p) {
        for (var l : p.lines) {
            jdbc.sql("""
                    insert into pharmacy_prescription_item (prescription_id, line, drug_code, dose, dose_unit, route, frequency,
                      days_supply, quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Arrays.asList(p.id, l.line(), l.drugCode(), l.dose(), l.doseUnit(), l.route(), l.frequency(), l.daysSupply(),
                            l.quantity()))
                    .update();
        }
        int i = 0;
        for (var f : p.findings) {
            jdbc.sql("""
                    insert into pharmacy_finding (prescription_id, line, category, severity, rule_id, drug_codes, message_key, arguments)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(p.id, ++i, f.category(), f.severity(), f.ruleId(), String.join(",", f.drugCodes()), f.messageKey(),
                            String.join("\u001f", f.arguments()))
                    .update();
        }
    }

    Optional<Prescription> find(UUID id) {
        var p = jdbc.sql("select * from pharmacy_prescription where id = ?").param(id).query(PharmacyStore::row).optional();
        p.ifPresent(this::loadParts);
        return p;
    }

    /** Rows matching a predicate (positional parameters), oldest first, at most {@code limit}. */
    List<Prescription> list(String where, List<Object> params, int limit) {
        var rows = jdbc.sql("select * from pharmacy_prescription where " + where + " order by submitted_at, number limit " + limit)
                .params(params).query(PharmacyStore::row).list();
        rows.forEach(this::loadParts);
        return rows;
    }

    /** A page in the prescriber's order: returned ones first (they wait for the prescriber), then newest first. */
    List<Prescription> page(String where, List<Object> params, int limit, int offset) {
        var all = new ArrayList<Object>(params);
        all.add(limit);
        all.add(offset);
        var rows = jdbc.sql("select * from pharmacy_prescription where " + where
                + " order by case when status = 'RETURNED' then 0 else 1 end, submitted_at desc, number desc limit ? offset ?")
                .params(all).query(PharmacyStore::row).list();
        rows.forEach(this::loadParts);
        return rows;
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from pharmacy_prescription where " + where).params(params).query(Long.class).single();
    }

    Map<String, Long> countBy(String column, String where, List<Object> params) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql("select " + column + " k, count(*) n from pharmacy_prescription where " + where + " group by " + column)
                .params(params).query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n"))).list();
        return out;
    }

    long sum(String column, String where, List<Object> params) {
        Long v = jdbc.sql("select coalesce(sum(" + column + "), 0) from pharmacy_prescription where " + where).params(params)
                .query(Long.class).single();
        return v == null ? 0 : v;
    }

    Map<String, Long> findingsByCategory(String where, List<Object> params) {
        var out = new LinkedHashMap<String, Long>();
        jdbc.sql("select f.category k, count(*) n from pharmacy_finding f join pharmacy_prescription p on p.id = f.prescription_id where "
                + where.replace("prescribing_institution_id", "p.prescribing_institution_id")
                        .replace("reviewing_institution_id", "p.reviewing_institution_id")
                        .replace("dispensing_institution_id", "p.dispensing_institution_id").replace("status", "p.status")
                + " group by f.category")
                .params(params).query((rs, n) -> out.put(rs.getString("k"), rs.getLong("n"))).list();
        return out;
    }

    private void loadParts(Prescription p) {
        p.lines = new ArrayList<>(jdbc.sql("select * from pharmacy_prescription_item where prescription_id = ? order by line").param(p.id)
                .query((rs, n) -> new Prescription.Line(rs.getInt("line"), rs.getString("drug_code"), rs.getBigDecimal("dose"),
                        rs.getString("dose_unit"), rs.getString("route"), rs.getString("frequency"), rs.getInt("days_supply"),
                        rs.getBigDecimal("quantity")))
                .list());
        p.findings = new ArrayList<>(jdbc.sql("select * from pharmacy_finding where prescription_id = ? order by line").param(p.id)
                .query((rs, n) -> new Prescreen.Finding(rs.getString("category"), rs.getString("severity"), rs.getString("rule_id"),
                        List.of(rs.getString("drug_codes").split(",")), rs.getString("message_key"),
                        rs.getString("arguments").isEmpty() ? List.of() : Arrays.asList(rs.getString("arguments").split("\u001f", -1))))
                .list());
    }

    private static Prescription row(ResultSet rs, int n) throws SQLException {
        var p = new Prescription();
        p.id = rs.getObject("id", UUID.class);
        p.number = rs.getString("number");
        p.residentId = rs.getObject("resident_id", UUID.class);
        p.residentName = rs.getString("resident_name");
        int age = rs.getInt("resident_age");
        p.residentAge = rs.wasNull() ? null : age;
        p.prescribingInstitutionId = rs.getObject("prescribing_institution_id", UUID.class);
        p.prescriber = rs.getString("prescriber");
        p.reviewingInstitutionId = rs.getObject("reviewing_institution_id", UUID.class);
        p.encounterType = EncounterType.valueOf(rs.getString("encounter_type"));
        p.diagnosisCode = rs.getString("diagnosis_code");
        p.diagnosisText = rs.getString("diagnosis_text");
        p.chronic = rs.getBoolean("chronic");
        p.urgent = rs.getBoolean("urgent");
        p.reason = rs.getString("reason");
        p.longPrescription = rs.getBoolean("long_prescription");
        p.maxDays = rs.getInt("max_days");
        p.longRule = rs.getString("long_rule");
        p.assessmentNote = rs.getString("assessment_note");
        p.patientConfirmed = rs.getBoolean("patient_confirmed");
        p.validityDays = rs.getInt("validity_days");
        p.pregnant = rs.getBoolean("pregnant");
        p.allergies = rs.getString("allergies");
        p.guardianName = rs.getString("guardian_name");
        p.dueAt = instant(rs, "due_at");
        p.dispensingInstitutionId = rs.getObject("dispensing_institution_id", UUID.class);
        p.centralDistribution = rs.getBoolean("central_distribution");
        p.siteConfirmed = rs.getBoolean("site_confirmed");
        p.referralId = rs.getObject("referral_id", UUID.class);
        p.longEligible = rs.getBoolean("long_eligible");
        p.beyondNormal = rs.getBoolean("beyond_normal");
        Instant submitted = instant(rs, "submitted_at");
        Instant updated = instant(rs, "updated_at");
        p.submittedAt = submitted == null ? Instant.EPOCH : submitted;
        p.updatedAt = updated == null ? Instant.EPOCH : updated;
        p.restore(new Prescription.Progress(PrescriptionStatus.valueOf(rs.getString("status")), rs.getInt("review_round"),
                rs.getInt("override_count"), rs.getString("override_reason"), rs.getString("review_note"),
                rs.getString("return_reason"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                rs.getString("dispense_reason"), rs.getString("dispense_note"), rs.getString("dispensed_by"),
                instant(rs, "dispensed_at")), rs.getLong("version"));
        return p;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        // nullable timestamps go through Arrays.asList params
        return i == null ? null : Timestamp.from(i);
    }
}
