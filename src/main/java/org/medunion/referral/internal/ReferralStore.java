package org.medunion.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medunion.referral.BookingKind;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.TransitionView;
import org.medunion.referral.Urgency;
import org.medunion.shared.ConflictException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the referral_* tables (runs on H2 in PostgreSQL mode and on PostgreSQL). */
@Repository
class ReferralStore {

    static final RowMapper<ReferralRow> ROWS = (rs, n) -> new ReferralRow(rs.getObject("id", UUID.class),
            rs.getString("number"), ReferralDirection.valueOf(rs.getString("direction")),
            rs.getObject("from_institution_id", UUID.class), rs.getObject("from_practitioner_id", UUID.class),
            rs.getString("from_username"), rs.getObject("to_institution_id", UUID.class), rs.getString("to_department"),
            rs.getBoolean("to_desk"), rs.getObject("resident_id", UUID.class), rs.getString("resident_id_number"),
            rs.getString("resident_name"), rs.getObject("consortium_id", UUID.class), rs.getObject("contract_id", UUID.class),
            rs.getString("reason"), rs.getString("diagnosis_code"), rs.getString("diagnosis_text"),
            Urgency.valueOf(rs.getString("urgency")), rs.getString("clinical_summary"), rs.getString("criteria_met"),
            rs.getString("no_criteria_reason"), ReferralStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
            instant(rs, "acceptance_deadline"), rs.getBoolean("escalated"), instant(rs, "escalated_at"),
            rs.getString("booking_kind") == null ? null : BookingKind.valueOf(rs.getString("booking_kind")),
            rs.getObject("booking_id", UUID.class), rs.getBoolean("priority_visit"), rs.getBoolean("priority_exam"),
            rs.getBoolean("priority_admission"),
            rs.getString("destination_type") == null ? null : DestinationType.valueOf(rs.getString("destination_type")),
            rs.getString("routing_finding"),
            rs.getString("rejection_reason") == null ? null : RejectionReason.valueOf(rs.getString("rejection_reason")),
            rs.getString("rejection_text"), rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    long nextNumber() {
        return jdbc.sql("select nextval('referral_number_seq')").query(Long.class).single();
    }

    void insert(ReferralRow r) {
        jdbc.sql("""
                insert into referral_referral (id, number, direction, from_institution_id, from_practitioner_id, from_username,
                  to_institution_id, to_department, to_desk, resident_id, resident_id_number, resident_name, consortium_id,
                  contract_id, reason, diagnosis_code, diagnosis_text, urgency, clinical_summary, criteria_met,
                  no_criteria_reason, status, submitted_at, acceptance_deadline, escalated, escalated_at, booking_kind,
                  booking_id, priority_visit, priority_exam, priority_admission, destination_type, routing_finding,
                  rejection_reason, rejection_text, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.number(), r.direction().name(), r.fromInstitutionId(), r.fromPractitionerId(),
                        r.fromUsername(), r.toInstitutionId(), r.toDepartment(), r.toDesk(), r.residentId(),
                        r.residentIdNumber(), r.residentName(), r.consortiumId(), r.contractId(), r.reason(),
                        r.diagnosisCode(), r.diagnosisText(), r.urgency().name(), r.clinicalSummary(), r.criteriaMet(),
                        r.noCriteriaReason(), r.status().name(), ts(r.submittedAt()), ts(r.acceptanceDeadline()),
                        r.escalated(), ts(r.escalatedAt()), r.bookingKind() == null ? null : r.bookingKind().name(),
                        r.bookingId(), r.priorityVisit(), r.priorityExam(), r.priorityAdmission(),
                        r.destinationType() == null ? null : r.destinationType().name(), r.routingFinding(),
                        r.rejectionReason() == null ? null : r.rejectionReason().name(), r.rejectionText(), r.version(),
                        ts(r.createdAt()), ts(r.updatedAt()))
                .update();
    }

    Optional<ReferralRow> find(UUID id) {
        return jdbc.sql("select * from referral_referral where id = ?").param(id).query(ROWS).optional();
    }

    Optional<ReferralRow> findByNumber(String number) {
        return jdbc.sql("select * from referral_referral where number = ?").param(number).query(ROWS).optional();
    }

    /**
     * Version-guarded update of the given columns plus status, version and updated_at; a concurrent change
     * (another instance, a double click) makes it fail with a 409 instead of overwriting.
     */
    void update(ReferralRow current, ReferralStatus status, Map<String, Object> columns, Instant now) {
        var set = new StringBuilder("status = ?, version = version + 1, updated_at = ?");
        var params = new ArrayList<Object>();
        params.add(status.name());
        params.add(ts(now));
        columns.forEach((column, value) -> {
            set.append(", ").append(column).append(" = ?");
            params.add(value instanceof Instant i ? ts(i) : value instanceof Enum<?> e ? e.name() : value);
        });
        params.add(current.id());
        params.add(current.version());
        int n = jdbc.sql("update referral_referral set " + set + " where id = ? and version = ?").params(params).update();
        if (n != 1) {
            throw new ConflictException("common.staleVersion", "version");
        }
    }

    static Map<String, Object> cols(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    void recordTransition(UUID referralId, ReferralAction action, ReferralStatus from, ReferralStatus to, String actor,
                          Instant at, String reason, UUID institutionId) {
        jdbc.sql("""
                insert into referral_transition (id, referral_id, action, from_status, to_status, actor, at, reason, institution_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), referralId, action.name(), from == null ? null : from.name(), to.name(), actor,
                        ts(at), reason, institutionId)
                .update();
    }

    List<TransitionView> transitions(UUID referralId) {
        return jdbc.sql("select * from referral_transition where referral_id = ? order by at, action")
                .param(referralId)
                .query((rs, n) -> new TransitionView(ReferralAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : ReferralStatus.valueOf(rs.getString("from_status")),
                        ReferralStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), instant(rs, "at"),
                        rs.getString("reason"), rs.getObject("institution_id", UUID.class)))
                .list();
    }

    /** Referrals matching a WHERE fragment (positional parameters), newest first unless an order is given. */
    List<ReferralRow> query(String where, List<Object> params, String order, int limit) {
        var all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("select * from referral_referral where " + where + " order by " + order + " limit ?")
                .params(all).query(ROWS).list();
    }

    /** A page of {@link #query(String, List, String, int)} from {@code offset}. */
    List<ReferralRow> query(String where, List<Object> params, String order, int limit, int offset) {
        var all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return jdbc.sql("select * from referral_referral where " + where + " order by " + order + " limit ? offset ?")
                .params(all).query(ROWS).list();
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from referral_referral where " + where).params(params).query(Long.class).single();
    }

    // attachments, care plan, feedback

    void addAttachment(UUID referralId, String kind, String title, String reference, Instant now) {
        jdbc.sql("insert into referral_attachment (id, referral_id, kind, title, reference, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), referralId, kind, title, reference, ts(now)).update();
    }

    List<ReferralView.Attachment> attachments(UUID referralId) {
        return jdbc.sql("select * from referral_attachment where referral_id = ? order by created_at, title").param(referralId)
                .query((rs, n) -> new ReferralView.Attachment(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("title"), rs.getString("reference"))).list();
    }

    void saveCarePlan(UUID referralId, String plan, String by, Instant now) {
        jdbc.sql("insert into referral_care_plan (id, referral_id, plan, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), referralId, plan, by, ts(now)).update();
    }

    void addFollowUp(UUID referralId, String description, java.time.LocalDate due, UUID practitioner, UUID team) {
        jdbc.sql("""
                insert into referral_follow_up_task (id, referral_id, description, due_date, assigned_practitioner_id, assigned_team_id)
                values (?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), referralId, description, due, practitioner, team).update();
    }

    void addMedication(UUID referralId, String drug, String dose, String frequency, Integer days, String note) {
        jdbc.sql("insert into referral_medication (id, referral_id, drug, dose, frequency, days, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), referralId, drug, dose, frequency, days, note).update();
    }

    ReferralView.CarePlan carePlan(UUID referralId) {
        var plan = jdbc.sql("select plan from referral_care_plan where referral_id = ?").param(referralId)
                .query(String.class).optional();
        var tasks = jdbc.sql("select * from referral_follow_up_task where referral_id = ? order by due_date, description")
                .param(referralId).query((rs, n) -> new ReferralView.FollowUpTask(rs.getObject("id", UUID.class),
                        rs.getString("description"), rs.getObject("due_date", java.time.LocalDate.class),
                        rs.getObject("assigned_practitioner_id", UUID.class), rs.getObject("assigned_team_id", UUID.class),
                        rs.getBoolean("done"))).list();
        var meds = jdbc.sql("select * from referral_medication where referral_id = ? order by drug").param(referralId)
                .query((rs, n) -> new ReferralView.Medication(rs.getString("drug"), rs.getString("dose"),
                        rs.getString("frequency"), (Integer) rs.getObject("days"), rs.getString("note"))).list();
        if (plan.isEmpty() && tasks.isEmpty() && meds.isEmpty()) {
            return null;
        }
        return new ReferralView.CarePlan(plan.orElse(null), tasks, meds);
    }

    void saveFeedback(UUID referralId, String summary, String by, Instant now) {
        jdbc.sql("insert into referral_feedback (id, referral_id, summary, returned_by, returned_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), referralId, summary, by, ts(now)).update();
    }

    ReferralView.Feedback feedback(UUID referralId) {
        return jdbc.sql("select * from referral_feedback where referral_id = ?").param(referralId)
                .query((rs, n) -> new ReferralView.Feedback(rs.getString("summary"), rs.getString("returned_by"),
                        instant(rs, "returned_at"))).optional().orElse(null);
    }

    void saveHomeCare(UUID referralId, UUID teamId, UUID practitionerId, java.time.LocalDate plannedStart) {
        jdbc.sql("insert into referral_home_care (referral_id, team_id, practitioner_id, planned_start) values (?, ?, ?, ?)")
                .params(referralId, teamId, practitionerId, plannedStart).update();
    }

    ReferralView.HomeCare homeCare(UUID referralId) {
        return jdbc.sql("select * from referral_home_care where referral_id = ?").param(referralId)
                .query((rs, n) -> new ReferralView.HomeCare(rs.getObject("team_id", UUID.class),
                        rs.getObject("practitioner_id", UUID.class), rs.getObject("planned_start", java.time.LocalDate.class)))
                .optional().orElse(null);
    }

    // idempotency

    Optional<UUID> idempotent(String key, String username) {
        return jdbc.sql("select referral_id from referral_idempotency where idempotency_key = ? and username = ?")
                .params(key, username).query(UUID.class).optional();
    }

    void rememberIdempotent(String key, String username, UUID referralId, Instant now) {
        jdbc.sql("insert into referral_idempotency (idempotency_key, username, referral_id, created_at) values (?, ?, ?, ?)")
                .params(key, username, referralId, ts(now)).update();
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
