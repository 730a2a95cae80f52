package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The live side of a consultation (decision 0255): the expert's consultation slot booked on acceptance, the further
 * experts of an MDT (the lead is {@link ConsultationView#expertPractitionerId()}) and the sessions held with their
 * participants. Empty for the forms without a live session. {@code invitingPhysicianMissing}: a held session recorded no
 * physician of the inviting side (TM-6's warning).
 */
public record ConsultationPanel(@Nullable BookedSlot slot, List<Person> experts, List<HeldSession> held,
                                boolean invitingPhysicianMissing) {

    public static final ConsultationPanel NONE = of(null, List.of(), List.of());

    public ConsultationPanel {
        experts = List.copyOf(experts);
        held = List.copyOf(held);
    }

    public static ConsultationPanel of(@Nullable BookedSlot slot, List<Person> experts, List<HeldSession> held) {
        return new ConsultationPanel(slot, experts, held, held.stream().anyMatch(h -> h.invitingPhysicians() == 0));
    }

    /** The scheduling booking of the expert's slot; {@code released} once the consultation ended without it. */
    public record BookedSlot(UUID slotId, UUID bookingId, Instant start, Instant end, boolean released) {
    }

    /** A practitioner by id and name. */
    public record Person(UUID id, @Nullable String name) {
    }

    /**
     * One held session: when, who was there (of both sides), by whom recorded; {@code invitingPhysicians} the inviting
     * side's physicians present (TM-6 asks for at least its {@code physicians} parameter).
     */
    public record HeldSession(UUID id, Instant heldAt, List<Participant> participants, int invitingPhysicians,
                              @Nullable String note, String recordedBy, Instant recordedAt) {

        public HeldSession {
            participants = List.copyOf(participants);
        }

        public static HeldSession of(UUID id, Instant heldAt, List<Participant> participants, @Nullable String note,
                                     String recordedBy, Instant recordedAt) {
            int physicians = (int) participants.stream().filter(p -> p.side() == ParticipantSide.INVITING && p.physician())
                    .count();
            return new HeldSession(id, heldAt, participants, physicians, note, recordedBy, recordedAt);
        }
    }

    /** A participant of a held session and whether they are a physician (TM-6). */
    public record Participant(UUID practitionerId, @Nullable String name, ParticipantSide side, boolean physician) {
    }
}
