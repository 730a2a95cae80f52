package org.medunion.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medunion.shared.InstitutionDays;

/**
 * Evidence for rule TM-6 ("the inviting side has ≥ {physicians} licensed physician present during a live session"):
 * per consultation, the live sessions held at the spans' institutions — the inviting side — on their days (Asia/Shanghai),
 * with the counts of participants. Counts and ids only: no resident data leaves the module, so the caller (the policy
 * module) needs no care relationship; the threshold is the policy pack's to compare (decision 0255).
 */
public interface ConsultationSessionEvidence {

    List<LiveSessions> heldLiveSessions(List<InstitutionDays> windows);

    /** One consultation's held live sessions, oldest first. */
    record LiveSessions(UUID consultationId, String number, ConsultationType type, UUID fromInstitutionId,
                        UUID toInstitutionId, List<Held> sessions) {

        public LiveSessions {
            sessions = List.copyOf(sessions);
        }

        /** Whether every held session had at least {@code physicians} physicians of the inviting side present. */
        public boolean invitingPhysiciansPresent(int physicians) {
            return sessions.stream().allMatch(s -> s.invitingPhysicians() >= physicians);
        }
    }

    /** A held session: its time and how many of each side were there ({@code invitingPhysicians} of the inviting side). */
    record Held(UUID sessionId, Instant heldAt, int invitedParticipants, int invitingParticipants, int invitingPhysicians) {

        public boolean invitingPhysicianPresent() {
            return invitingPhysicians > 0;
        }
    }
}
