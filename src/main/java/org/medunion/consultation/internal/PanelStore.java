package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationStore.byConsultation;
import static org.medunion.consultation.internal.ConsultationStore.instant;
import static org.medunion.consultation.internal.ConsultationStore.row;
import static org.medunion.consultation.internal.ConsultationStore.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationPanel;
import org.medunion.consultation.ParticipantSide;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over the live-session tables (V10_70, decision 0255): rows are added, a booking is marked released, nothing
 * is deleted (TM-9).
 */
@Repository
class PanelStore {

    private final JdbcClient jdbc;

    PanelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant as stored: the name is the view's to add. */
    record StoredParticipant(UUID practitionerId, ParticipantSide side, boolean physician) {
    }

    void addBooking(UUID consultation, ConsultationPanel.BookedSlot slot, String by, Instant at) {
        jdbc.sql("""
                insert into consultation_slot_booking (consultation_id, slot_id, booking_id, starts_at, ends_at, booked_by,
                  booked_at) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(row(consultation, slot.slotId(), slot.bookingId(), ts(slot.start()), ts(slot.end()), by, ts(at)))
                .update();
    }

    void released(UUID consultation, String by, Instant at) {
        jdbc.sql("""
                update consultation_slot_booking set released_by = ?, released_at = ?
                 where consultation_id = ? and released_at is null""").params(row(by, ts(at), consultation)).update();
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_70
    Optional<ConsultationPanel.BookedSlot> booking(UUID consultation) {
        return Optional.ofNullable(bookings(List.of(consultation)).get(consultation));
    }

    /** The booked slots of several consultations in one read (a list's panels). */
    @SuppressWarnings("NullAway") // starts_at and ends_at are declared not null in V10_70
    Map<UUID, ConsultationPanel.BookedSlot> bookings(Collection<UUID> consultations) {
        return byConsultation(jdbc, "select * from consultation_slot_booking where consultation_id in (:ids)", consultations,
                (rs, n) -> new ConsultationPanel.BookedSlot(rs.getObject("slot_id", UUID.class),
                        rs.getObject("booking_id", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                        rs.getTimestamp("released_at") != null));
    }

    void addExperts(UUID consultation, List<UUID> experts, Instant at) {
        for (int i = 0; i < experts.size(); i++) {
            jdbc.sql("insert into consultation_expert (consultation_id, practitioner_id, position, added_at) values (?, ?, ?, ?)")
                    .params(row(consultation, experts.get(i), i, ts(at))).update();
        }
    }

    List<UUID> experts(UUID consultation) {
        return experts(List.of(consultation)).getOrDefault(consultation, List.of());
    }

    /** The further MDT experts of several consultations, each in its stored order, in one read. */
    Map<UUID, List<UUID>> experts(Collection<UUID> consultations) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        if (!consultations.isEmpty()) {
            jdbc.sql("""
                    select consultation_id, practitioner_id from consultation_expert where consultation_id in (:ids)
                     order by consultation_id, position""").param("ids", consultations)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    });
        }
        return out;
    }

    void addSession(UUID id, UUID consultation, Instant heldAt, @Nullable String note, String by, Instant at,
                    List<StoredParticipant> participants) {
        jdbc.sql("""
                insert into consultation_live_session (id, consultation_id, held_at, note, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""").params(row(id, consultation, ts(heldAt), note, by, ts(at))).update();
        for (StoredParticipant p : participants) {
            jdbc.sql("""
                    insert into consultation_live_participant (session_id, practitioner_id, side, physician)
                    values (?, ?, ?, ?)""").params(row(id, p.practitionerId(), p.side().name(), p.physician())).update();
        }
    }

    /** A held session as stored, with its participants. */
    record StoredSession(UUID id, UUID consultationId, Instant heldAt, @Nullable String note, String recordedBy,
                         Instant recordedAt, List<StoredParticipant> participants) {
    }

    List<StoredSession> sessions(UUID consultation) {
        return sessions("s.consultation_id = ?", row(consultation));
    }

    /** The held sessions of several consultations in one read, by consultation. */
    Map<UUID, List<StoredSession>> sessions(Collection<UUID> consultations) {
        Map<UUID, List<StoredSession>> out = new HashMap<>();
        if (!consultations.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(consultations.size(), "?"));
            sessions("s.consultation_id in (" + marks + ")", List.copyOf(consultations))
                    .forEach(s -> out.computeIfAbsent(s.consultationId(), k -> new ArrayList<>()).add(s));
        }
        return out;
    }

    /** The held sessions matching a WHERE fragment over {@code s} (the session) and {@code c} (the consultation). */
    @SuppressWarnings("NullAway") // columns declared not null in V10_70
    List<StoredSession> sessions(String where, List<Object> params) {
        Map<UUID, StoredSession> out = new LinkedHashMap<>();
        jdbc.sql("""
                select s.*, p.practitioner_id, p.side, p.physician
                  from consultation_live_session s join consultation_consultation c on c.id = s.consultation_id
                  left join consultation_live_participant p on p.session_id = s.id
                 where %s order by s.consultation_id, s.held_at, s.id, p.side, p.practitioner_id""".formatted(where))
                .params(params).query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    if (!out.containsKey(id)) {
                        out.put(id, new StoredSession(id, rs.getObject("consultation_id", UUID.class), instant(rs, "held_at"),
                                rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at"),
                                new ArrayList<>()));
                    }
                    StoredSession s = out.get(id);
                    UUID practitioner = rs.getObject("practitioner_id", UUID.class);
                    if (practitioner != null) {
                        s.participants().add(new StoredParticipant(practitioner, ParticipantSide.valueOf(rs.getString("side")),
                                rs.getBoolean("physician")));
                    }
                });
        return List.copyOf(out.values());
    }
}
