package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.required;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationLiveSessions;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ParticipantSide;
import org.medunion.consultation.RecordLiveSession;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.Profession;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a held live session (decision 0255): either side's clinicians (the office sees, but does not record), once
 * the session has started and before the consultation ends; each participant's side follows from where they are
 * registered or dispatched today, the lead and further experts being the invited side's. Added, never replaced (TM-9).
 */
@Service
@Transactional
class LiveSessionService implements ConsultationLiveSessions {

    static final Set<ConsultationStatus> RECORDABLE = EnumSet.of(ConsultationStatus.IN_SESSION,
            ConsultationStatus.OPINION_DRAFTED, ConsultationStatus.OPINION_SIGNED, ConsultationStatus.ACKNOWLEDGED);
    static final int MAX_PARTICIPANTS = 50;

    private final ConsultationLookup lookup;
    private final ConsultationAccess access;
    private final ConsultationDirectory directory;
    private final PanelStore store;
    private final ConsultationViews views;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators, injected
    LiveSessionService(ConsultationLookup lookup, ConsultationAccess access, ConsultationDirectory directory,
                       PanelStore store, ConsultationViews views, CurrentUsers users, AuditTrail audit, Clock clock) {
        this.lookup = lookup;
        this.access = access;
        this.directory = directory;
        this.store = store;
        this.views = views;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ConsultationView recordSession(ConsultationId id, RecordLiveSession command) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        if (!access.isParty(user, c)) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "RECORD_SESSION");
        }
        RecordLiveSession r = required(command, "body");
        if (!ConsultationPanels.LIVE.contains(c.type())) {
            throw new InvalidInputException("type", ConsultationError.SESSION_ONLY_LIVE, c.type().name());
        }
        if (!RECORDABLE.contains(c.status())) {
            throw new ConflictException(ConsultationError.LIVE_SESSION_NOT_STARTED, "status", c.status().name());
        }
        Instant now = clock.instant();
        Instant heldAt = r.heldAt() == null ? now : r.heldAt();
        if (heldAt.isAfter(now)) {
            throw new InvalidInputException("heldAt", ConsultationError.HELD_IN_FUTURE, heldAt);
        }
        var participants = participants(c, required(r.participantIds(), "participantIds"));
        store.addSession(UUID.randomUUID(), c.id(), heldAt, optionalText(r.note(), "note", 1000), user.username(), now,
                participants);
        audit.record(AuditAction.UPDATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "LIVE_SESSION " + participants.size());
        return views.view(c);
    }

    private List<PanelStore.StoredParticipant> participants(Consultation c, List<UUID> ids) {
        if (ids.isEmpty()) {
            throw new InvalidInputException("participantIds", "field.required");
        }
        if (ids.size() > MAX_PARTICIPANTS) {
            throw new InvalidInputException("participantIds", ConsultationError.TOO_MANY_PARTICIPANTS, ids.size(),
                    MAX_PARTICIPANTS);
        }
        Set<UUID> experts = new HashSet<>(store.experts(c.id()));
        if (c.expertPractitionerId() != null) {
            experts.add(c.expertPractitionerId());
        }
        var seen = new HashSet<UUID>();
        var out = new ArrayList<PanelStore.StoredParticipant>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "participantIds[" + i + "]";
            UUID id = required(ids.get(i), field);
            var p = directory.practitioner(id)
                    .orElseThrow(() -> new InvalidInputException(field, ConsultationError.NOT_OF_EITHER_SIDE, id));
            ParticipantSide side;
            if (experts.contains(id) || directory.worksAt(id, List.of(c.toInstitutionId()))) {
                side = ParticipantSide.INVITED;
            } else if (directory.worksAt(id, List.of(c.fromInstitutionId()))) {
                side = ParticipantSide.INVITING;
            } else {
                throw new InvalidInputException(field, ConsultationError.NOT_OF_EITHER_SIDE, id);
            }
            if (seen.add(id)) {
                out.add(new PanelStore.StoredParticipant(id, side, p.profession() == Profession.PHYSICIAN));
            }
        }
        return out;
    }
}
