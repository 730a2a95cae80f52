package org.medunion.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationStepView;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.MessageView;
import org.medunion.shared.ConflictException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the consultation_* tables (H2 in PostgreSQL mode and PostgreSQL). */
@Repository
class ConsultationStore {

    static final RowMapper<Consultation> ROWS = ConsultationStore::row;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ConsultationStore(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_1
    private static Consultation row(ResultSet rs, int n) throws SQLException {
        String opinionText = rs.getString("opinion");
        return new Consultation(rs.getObject("id", UUID.class), rs.getString("number"),
                ConsultationType.valueOf(rs.getString("type")), ConsultationUrgency.valueOf(rs.getString("urgency")),
                new Parties(rs.getObject("from_institution_id", UUID.class), rs.getObject("from_practitioner_id", UUID.class),
                        rs.getString("from_username"), rs.getObject("to_institution_id", UUID.class),
                        rs.getString("to_department"), rs.getObject("consortium_id", UUID.class)),
                rs.getObject("resident_id", UUID.class), rs.getString("resident_name"),
                new ConsultationView.Request(rs.getString("reason"), rs.getString("purpose"), instant(rs, "proposed_time"),
                        rs.getString("record_summary"), rs.getString("invited_specialty"), rs.getString("invited_title")),
                new ConsultationView.Consent(ConsentSigner.valueOf(rs.getString("consent_signer")),
                        rs.getString("consent_signer_name"), rs.getString("consent_reason"),
                        rs.getObject("consent_signed_on", LocalDate.class)),
                rs.getBoolean("conversion_authorised"), ConsultationStatus.valueOf(rs.getString("status")),
                rs.getObject("expert_practitioner_id", UUID.class),
                new ConsultationView.Deadline(instant(rs, "decide_by"), instant(rs, "expires_at"), rs.getBoolean("escalated"),
                        instant(rs, "escalated_at")),
                instant(rs, "session_at"), rs.getString("decline_reason"),
                opinionText == null ? null : new ConsultationView.Opinion(opinionText, rs.getString("opinion_drafted_by"),
                        rs.getString("opinion_signed_by"), instant(rs, "opinion_signed_at")),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"), rs.getObject("referral_id", UUID.class),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Positional parameters, some of them null (JdbcClient's varargs are not annotated for nullness). */
    /**
     * One row per consultation of a page, read with one query ({@code :ids} in its WHERE clause, the consultation in
     * column {@code consultation_id}) rather than once per row; none asked, none read.
     */
    static <T> Map<UUID, T> byConsultation(JdbcClient jdbc, String sql, Collection<UUID> ids, RowMapper<T> mapper) {
        Map<UUID, T> out = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(sql).param("ids", ids).query(rs -> {
                out.put(rs.getObject("consultation_id", UUID.class), mapper.mapRow(rs, 0));
            });
        }
        return out;
    }

    static List<Object> row(@Nullable Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    long nextNumber() {
        return jdbc.sql("select nextval('consultation_number_seq')").query(Long.class).single();
    }

    void insert(Consultation c) {
        var p = c.parties();
        var q = c.request();
        var k = c.consent();
        var d = c.deadline();
        jdbc.sql("""
                insert into consultation_consultation (id, number, type, urgency, status, from_institution_id,
                  from_practitioner_id, from_username, to_institution_id, to_department, expert_practitioner_id, consortium_id,
                  resident_id, resident_name, reason, purpose, proposed_time, record_summary, invited_specialty, invited_title,
                  consent_signer, consent_signer_name, consent_reason, consent_signed_on, conversion_authorised, decide_by,
                  expires_at, escalated, version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row(c.id(), c.number(), c.type().name(), c.urgency().name(), c.status().name(), p.fromInstitutionId(),
                        p.fromPractitionerId(), p.fromUsername(), p.toInstitutionId(), p.toDepartment(),
                        c.expertPractitionerId(), p.consortiumId(), c.residentId(), c.residentName(), q.reason(),
                        q.purpose(), ts(q.proposedTime()), q.recordSummary(), q.invitedSpecialty(), q.invitedTitle(),
                        k.signer().name(), k.signerName(), k.reason(), k.signedOn(), c.conversionAuthorised(),
                        ts(d.decideBy()), ts(d.expiresAt()), d.escalated(), c.version(), ts(c.createdAt()),
                        ts(c.updatedAt())))
                .update();
        recordSteps(c);
        c.pendingEvents().forEach(events::publishEvent);
        c.saved(c.version());
    }

    /** Saves what a step may change, guarded by the version read (a concurrent change is a 409, not an overwrite). */
    void save(Consultation c) {
        if (!trySave(c)) {
            throw new ConflictException("common.staleVersion", "version");
        }
    }

    /** {@link #save} reporting a concurrent change as false (the deadline job skips such a consultation). */
    boolean trySave(Consultation c) {
        var d = c.deadline();
        var o = c.opinion();
        int n = jdbc.sql("""
                update consultation_consultation set status = ?, version = version + 1, updated_at = ?,
                  expert_practitioner_id = ?, decide_by = ?, expires_at = ?, escalated = ?, escalated_at = ?, session_at = ?,
                  decline_reason = ?, opinion = ?, opinion_drafted_by = ?, opinion_signed_by = ?, opinion_signed_at = ?,
                  acknowledged_by = ?, acknowledged_at = ?, referral_id = ?
                where id = ? and version = ?""")
                .params(row(c.status().name(), ts(c.updatedAt()), c.expertPractitionerId(), ts(d.decideBy()),
                        ts(d.expiresAt()), d.escalated(), ts(d.escalatedAt()), ts(c.sessionAt()), c.declineReason(),
                        o == null ? null : o.text(), o == null ? null : o.draftedBy(), o == null ? null : o.signedBy(),
                        o == null ? null : ts(o.signedAt()), c.acknowledgedBy(), ts(c.acknowledgedAt()), c.referralId(),
                        c.id(), c.version()))
                .update();
        if (n != 1) {
            return false;
        }
        recordSteps(c);
        c.pendingEvents().forEach(events::publishEvent);
        c.saved(c.version() + 1);
        return true;
    }

    private void recordSteps(Consultation c) {
        for (ConsultationStepView s : c.pendingSteps()) {
            jdbc.sql("""
                    insert into consultation_step (id, consultation_id, action, from_status, to_status, actor, at, note,
                      institution_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row(UUID.randomUUID(), c.id(), s.action().name(),
                            s.fromStatus() == null ? null : s.fromStatus().name(), s.toStatus().name(), s.actor(),
                            ts(s.at()), s.note(), s.institutionId()))
                    .update();
        }
    }

    Optional<Consultation> find(UUID id) {
        return jdbc.sql("select * from consultation_consultation where id = ?").param(id).query(ROWS).optional();
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_1
    List<ConsultationStepView> steps(UUID id) {
        return jdbc.sql("select * from consultation_step where consultation_id = ? order by at, action").param(id)
                .query((rs, n) -> new ConsultationStepView(ConsultationAction.valueOf(rs.getString("action")),
                        rs.getString("from_status") == null ? null : ConsultationStatus.valueOf(rs.getString("from_status")),
                        ConsultationStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), instant(rs, "at"),
                        rs.getString("note"), rs.getObject("institution_id", UUID.class)))
                .list();
    }

    /** Consultations matching a WHERE fragment (positional parameters) in the given order. */
    List<Consultation> query(String where, List<Object> params, String order, int limit) {
        return query(where, params, order, limit, 0);
    }

    /** A page of {@link #query(String, List, String, int)} from {@code offset}. */
    List<Consultation> query(String where, List<Object> params, String order, int limit, int offset) {
        var all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return jdbc.sql("select * from consultation_consultation where " + where + " order by " + order + " limit ? offset ?")
                .params(all).query(ROWS).list();
    }

    /** One page (newest change first) of the consultations matching a WHERE fragment. */
    List<Consultation> page(String where, List<Object> params, int limit, int offset) {
        var all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        String sql = "select * from consultation_consultation where %s order by updated_at desc, id limit ? offset ?";
        return jdbc.sql(sql.formatted(where)).params(all).query(ROWS).list();
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from consultation_consultation where " + where).params(params)
                .query(Long.class).single();
    }

    /**
     * Requests past their decision deadline (or their expiry when {@code expiring}), earliest first; among
     * {@code only} when given.
     */
    List<Consultation> requestedPast(Instant instant, boolean expiring, int limit, @Nullable Collection<UUID> only) {
        String where = expiring ? "status = 'REQUESTED' and expires_at < ?"
                : "status = 'REQUESTED' and decide_by < ? and escalated = false";
        List<Object> params = row(ts(instant));
        if (only != null) {
            if (only.isEmpty()) {
                return List.of();
            }
            where += " and id in (" + String.join(", ", Collections.nCopies(only.size(), "?")) + ")";
            params.addAll(only);
        }
        return query(where, params, "decide_by", limit);
    }

    /** Whether an open consultation invites this institution for this resident (the care relationship). */
    boolean openFor(UUID institution, UUID resident) {
        return jdbc.sql("""
                select count(*) from consultation_consultation where resident_id = ? and to_institution_id = ?
                   and status not in ('DECLINED', 'CLOSED', 'CANCELLED', 'EXPIRED')""")
                .params(resident, institution).query(Long.class).single() > 0;
    }

    void addMessage(UUID consultation, @Nullable UUID inReplyTo, String author, UUID institution, String body, Instant at) {
        jdbc.sql("""
                insert into consultation_message (id, consultation_id, in_reply_to, author, institution_id, body, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""").params(row(UUID.randomUUID(), consultation, inReplyTo, author, institution,
                body, ts(at))).update();
    }

    boolean hasMessage(UUID consultation, UUID message) {
        return jdbc.sql("select count(*) from consultation_message where consultation_id = ? and id = ?")
                .params(consultation, message).query(Long.class).single() > 0;
    }

    Optional<UUID> consultationOfMessage(UUID message) {
        return jdbc.sql("select consultation_id from consultation_message where id = ?").param(message).query(UUID.class)
                .optional();
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_1
    List<MessageView> messages(UUID consultation) {
        return jdbc.sql("select * from consultation_message where consultation_id = ? order by created_at, id")
                .param(consultation)
                .query((rs, n) -> new MessageView(rs.getObject("id", UUID.class), rs.getObject("in_reply_to", UUID.class),
                        rs.getString("author"), rs.getObject("institution_id", UUID.class), rs.getString("body"),
                        instant(rs, "created_at"), rs.getObject("retain_until", LocalDate.class), List.of()))
                .list();
    }
}
