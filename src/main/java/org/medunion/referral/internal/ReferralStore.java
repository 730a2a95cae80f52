package org.medunion.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the referral_* tables (runs on H2 in PostgreSQL mode and on PostgreSQL). */
@Repository
class ReferralStore {

    static final RowMapper<Referral> ROWS = (rs, n) -> new Referral(rs.getObject("id", UUID.class),
            rs.getString("number"), ReferralDirection.valueOf(rs.getString("direction")),
            new Sender(rs.getObject("from_institution_id", UUID.class), rs.getObject("from_practitioner_id", UUID.class),
                    rs.getString("from_username")),
            new Receiver(rs.getObject("to_institution_id", UUID.class), rs.getString("to_department"),
                    rs.getBoolean("to_desk"), rs.getObject("consortium_id", UUID.class),
                    rs.getObject("contract_id", UUID.class), enumOf(DestinationType.class, rs.getString("destination_type")),
                    rs.getString("routing_finding")),
            new ReferredResident(rs.getObject("resident_id", UUID.class), rs.getString("resident_id_number"),
                    rs.getString("resident_name")),
            new Diagnosis(rs.getString("reason"), rs.getString("diagnosis_code"), rs.getString("diagnosis_text"),
                    rs.getString("clinical_summary")),
            Urgency.valueOf(rs.getString("urgency")),
            new Justification(rs.getString("criteria_met"), rs.getString("no_criteria_reason")),
            new ReferralView.Priority(rs.getBoolean("priority_visit"), rs.getBoolean("priority_exam"),
                    rs.getBoolean("priority_admission")),
            ReferralStatus.valueOf(rs.getString("status")),
            new Deadline(instant(rs, "submitted_at"), instant(rs, "acceptance_deadline"), rs.getBoolean("escalated"),
                    instant(rs, "escalated_at")),
            new Booking(enumOf(BookingKind.class, rs.getString("booking_kind")), rs.getObject("booking_id", UUID.class)),
            new Rejection(enumOf(RejectionReason.class, rs.getString("rejection_reason")), rs.getString("rejection_text")),
            rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    ReferralStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static @Nullable String nameOf(@Nullable Enum<?> e) {
        return e == null ? null : e.name();
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    long nextNumber() {
        return jdbc.sql("select nextval('referral_number_seq')").query(Long.class).single();
    }

    /** Inserts a new referral with its CREATE transition. */
    void insert(Referral r) {
        var to = r.receiver();
        var d = r.deadline();
        jdbc.sql(
                """
                        insert into referral_referral (id, number, direction, from_institution_id, from_practitioner_id, from_username,
                          to_institution_id, to_department, to_desk, resident_id, resident_id_number, resident_name, consortium_id,
                          contract_id, reason, diagnosis_code, diagnosis_text, urgency, clinical_summary, criteria_met,
                          no_criteria_reason, status, submitted_at, acceptance_deadline, escalated, escalated_at, booking_kind,
                          booking_id, priority_visit, priority_exam, priority_admission, destination_type, routing_finding,
                          rejection_reason, rejection_text, version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(r.id(), r.number(), r.direction().name(), r.sender().institutionId(), r.sender().practitionerId(),
                        r.sender().username(), to.institutionId(), to.department(), to.toDesk(), r.resident().id(),
                        r.resident().idNumber(), r.resident().name(), to.consortiumId(), to.contractId(),
                        r.diagnosis().reason(), r.diagnosis().code(), r.diagnosis().text(), r.urgency().name(),
                        r.diagnosis().clinicalSummary(), r.justification().criteriaMet(),
                        r.justification().noCriteriaReason(), r.status().name(), ts(d.submittedAt()), ts(d.acceptBy()),
                        d.escalated(), ts(d.escalatedAt()), nameOf(r.booking().kind()), r.booking().id(),
                        r.priority().visit(), r.priority().exam(), r.priority().admission(), nameOf(to.destinationType()),
                        to.routingFinding(), nameOf(r.rejection().reason()), r.rejection().text(), r.version(),
                        ts(r.createdAt()), ts(r.updatedAt())))
                .update();
        recordTransitions(r);
        r.saved(r.version());
    }

    /**
     * Saves what a transition may change, guarded by the version read: a concurrent change (another instance, a
     * double click) makes it a 409 instead of an overwrite. Then the transitions, then the events (Modulith
     * outbox, same transaction).
     */
    void save(Referral r) {
        if (!trySave(r)) {
            throw new ConflictException("common.staleVersion", "version");
        }
    }

    /** {@link #save} that reports a concurrent change as false (the deadline job skips such a referral). */
    boolean trySave(Referral r) {
        var to = r.receiver();
        var d = r.deadline();
        int n = jdbc.sql("""
                update referral_referral set status = ?, version = version + 1, updated_at = ?, to_institution_id = ?,
                  to_department = ?, to_desk = ?, routing_finding = ?, submitted_at = ?, acceptance_deadline = ?,
                  escalated = ?, escalated_at = ?, booking_kind = ?, booking_id = ?, rejection_reason = ?, rejection_text = ?
                where id = ? and version = ?""")
                .params(Arrays.asList(r.status().name(), ts(r.updatedAt()), to.institutionId(), to.department(), to.toDesk(),
                        to.routingFinding(), ts(d.submittedAt()), ts(d.acceptBy()), d.escalated(), ts(d.escalatedAt()),
                        nameOf(r.booking().kind()), r.booking().id(), nameOf(r.rejection().reason()), r.rejection().text(),
                        r.id(), r.version()))
                .update();
        if (n != 1) {
            return false;
        }
        recordTransitions(r);
        r.pendingEvents().forEach(events::publishEvent);
        r.saved(r.version() + 1);
        return true;
    }

    private void recordTransitions(Referral r) {
        for (TransitionView t : r.pendingTransitions()) {
            jdbc.sql("""
                    insert into referral_transition (id, referral_id, action, from_status, to_status, actor, at, reason, institution_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Arrays.asList(UUID.randomUUID(), r.id(), t.action().name(), nameOf(t.fromStatus()), t.toStatus().name(),
                            t.actor(), ts(t.at()), t.reason(), t.institutionId()))
                    .update();
        }
    }

    Optional<Referral> find(UUID id) {
        return jdbc.sql("select * from referral_referral where id = ?").param(id).query(ROWS).optional();
    }

    Optional<Referral> findByNumber(String number) {
        return jdbc.sql("select * from referral_referral where number = ?").param(number).query(ROWS).optional();
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

    /** Submitted referrals whose acceptance deadline is before {@code instant}, earliest first. */
    List<Referral> submittedPastDeadline(Instant instant, boolean notYetEscalated, int limit,
                                         @Nullable Collection<UUID> only) {
        String where = "status = 'SUBMITTED' and acceptance_deadline < ?" + (notYetEscalated ? " and escalated = false" : "");
        List<Object> params = new ArrayList<>(List.of(ts(instant)));
        if (only != null) {
            if (only.isEmpty()) {
                return List.of();
            }
            where += " and id in (" + String.join(", ", Collections.nCopies(only.size(), "?")) + ")";
            params.addAll(only);
        }
        return query(where, params, "acceptance_deadline", limit);
    }

    /** Referrals matching a WHERE fragment (positional parameters), newest first unless an order is given. */
    List<Referral> query(String where, List<Object> params, String order, int limit) {
        var all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("select * from referral_referral where " + where + " order by " + order + " limit ?")
                .params(all).query(ROWS).list();
    }

    /** A page of {@link #query(String, List, String, int)} from {@code offset}. */
    List<Referral> query(String where, List<Object> params, String order, int limit, int offset) {
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

    void addAttachment(UUID referralId, String kind, String title, @Nullable String reference, Instant now) {
        jdbc.sql("insert into referral_attachment (id, referral_id, kind, title, reference, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(Arrays.asList(UUID.randomUUID(), referralId, kind, title, reference, ts(now))).update();
    }

    List<ReferralView.Attachment> attachments(UUID referralId) {
        return jdbc.sql("select * from referral_attachment where referral_id = ? order by created_at, title").param(referralId)
                .query((rs, n) -> new ReferralView.Attachment(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("title"), rs.getString("reference")))
                .list();
    }

    void saveCarePlan(UUID referralId, String plan, String by, Instant now) {
        jdbc.sql("insert into referral_care_plan (id, referral_id, plan, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(Arrays.asList(UUID.randomUUID(), referralId, plan, by, ts(now))).update();
    }

    void addFollowUp(UUID referralId, String description, @Nullable LocalDate due, @Nullable UUID practitioner, @Nullable UUID team) {
        jdbc.sql("""
                insert into referral_follow_up_task (id, referral_id, description, due_date, assigned_practitioner_id, assigned_team_id)
                values (?, ?, ?, ?, ?, ?)""").params(Arrays.asList(UUID.randomUUID(), referralId, description, due, practitioner, team))
                .update();
    }

    void addMedication(UUID referralId, String drug, @Nullable String dose, @Nullable String frequency, @Nullable Integer days,
                       @Nullable String note) {
        jdbc.sql("insert into referral_medication (id, referral_id, drug, dose, frequency, days, note) values (?, ?, ?, ?, ?, ?, ?)")
                .params(Arrays.asList(UUID.randomUUID(), referralId, drug, dose, frequency, days, note)).update();
    }

    ReferralView.@Nullable CarePlan carePlan(UUID referralId) {
        var plan = jdbc.sql("select plan from referral_care_plan where referral_id = ?").param(referralId)
                .query(String.class).optional();
        var tasks = jdbc.sql("select * from referral_follow_up_task where referral_id = ? order by due_date, description")
                .param(referralId).query((rs, n) -> new ReferralView.FollowUpTask(rs.getObject("id", UUID.class),
                        rs.getString("description"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("assigned_practitioner_id", UUID.class), rs.getObject("assigned_team_id", UUID.class),
                        rs.getBoolean("done")))
                .list();
        var meds = jdbc.sql("select * from referral_medication where referral_id = ? order by drug").param(referralId)
                .query((rs, n) -> new ReferralView.Medication(rs.getString("drug"), rs.getString("dose"),
                        rs.getString("frequency"), (Integer) rs.getObject("days"), rs.getString("note")))
                .list();
        if (plan.isEmpty() && tasks.isEmpty() && meds.isEmpty()) {
            return null;
        }
        return new ReferralView.CarePlan(plan.orElse(null), tasks, meds);
    }

    void saveFeedback(UUID referralId, String summary, String by, Instant now) {
        jdbc.sql("insert into referral_feedback (id, referral_id, summary, returned_by, returned_at) values (?, ?, ?, ?, ?)")
                .params(Arrays.asList(UUID.randomUUID(), referralId, summary, by, ts(now))).update();
    }

    ReferralView.@Nullable Feedback feedback(UUID referralId) {
        return jdbc.sql("select * from referral_feedback where referral_id = ?").param(referralId)
                .query((rs, n) -> new ReferralView.Feedback(rs.getString("summary"), rs.getString("returned_by"),
                        instant(rs, "returned_at")))
                .optional().orElse(null);
    }

    void saveHomeCare(UUID referralId, @Nullable UUID teamId, @Nullable UUID practitionerId, LocalDate plannedStart) {
        jdbc.sql("insert into referral_home_care (referral_id, team_id, practitioner_id, planned_start) values (?, ?, ?, ?)")
                .params(Arrays.asList(referralId, teamId, practitionerId, plannedStart)).update();
    }

    ReferralView.@Nullable HomeCare homeCare(UUID referralId) {
        return jdbc.sql("select * from referral_home_care where referral_id = ?").param(referralId)
                .query((rs, n) -> new ReferralView.HomeCare(rs.getObject("team_id", UUID.class),
                        rs.getObject("practitioner_id", UUID.class), rs.getObject("planned_start", LocalDate.class)))
                .optional().orElse(null);
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
