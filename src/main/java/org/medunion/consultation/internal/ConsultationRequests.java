package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.required;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.ConsultationDestination;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.RequestConsultation;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.AgreementView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.RuleViolationException.Violation;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requesting a consultation: the caller's side, the input (400 naming the field), the resident the inviting side
 * cares for (404 as for an unknown resident), then the TM gates (422 with every violation), then one insert with
 * the REQUEST step and the ConsultationRequested event. Nothing is written when any check fails.
 */
@Service
@Transactional
class ConsultationRequests {

    private final ConsultationStore store;
    private final ConsultationGates gates;
    private final ConsultationDirectory directory;
    private final ConsultationViews views;
    private final ConsultationRouting routing;
    private final ConsultationAttachmentService attachments;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of one use case, injected
    ConsultationRequests(ConsultationStore store, ConsultationGates gates, ConsultationDirectory directory,
                         ConsultationViews views, ConsultationRouting routing, ConsultationAttachmentService attachments,
                         CurrentUsers users, AuditTrail audit, Clock clock) {
        this.store = store;
        this.gates = gates;
        this.directory = directory;
        this.views = views;
        this.routing = routing;
        this.attachments = attachments;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    ConsultationView request(@Nullable RequestConsultation command) {
        CurrentUser user = users.require();
        RequestConsultation c = required(command, "body");
        UUID mine = requestingInstitution(user);
        UUID from = required(c.fromInstitutionId() != null ? c.fromInstitutionId() : mine, "fromInstitutionId");
        if (!ConsultationAccess.admin(user) && !from.equals(mine)) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "REQUEST");
        }
        Consultation created = request(c, from, user.username(), clock.instant());
        audit.record(AuditAction.CREATE, ConsultationLookup.OBJECT, created.id().toString(),
                created.residentId().toString(), created.number());
        if (c.attachments() != null) {
            attachments.attach(created, null, c.attachments(), "attachments", user);
        }
        return views.detail(created);
    }

    /**
     * Where a consultation for the resident should go, best first (TM-15, SH-15, then the consortium), for a clinician
     * of an institution that cares for the resident; the referral module audits the read of the contract.
     */
    List<ConsultationDestination> destinations(@Nullable UUID residentId) {
        UUID mine = required(requestingInstitution(users.require()), "fromInstitutionId");
        UUID resident = required(residentId, "residentId");
        if (!directory.caresFor(mine, resident)) {
            throw new NotFoundException("Resident", resident); // as for an unknown resident (issue 10)
        }
        return routing.destinations(resident, mine);
    }

    /** The caller's institution when the caller may ask for consultations (a clinician there, or an admin). */
    private static @Nullable UUID requestingInstitution(CurrentUser user) {
        UUID mine = ConsultationAccess.institutionOf(user);
        if (!ConsultationAccess.admin(user) && (mine == null || !ConsultationAccess.clinician(user))) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "REQUEST");
        }
        return mine;
    }

    /** Checks and writes the request by {@code actor} at {@code now}. */
    Consultation request(RequestConsultation c, UUID from, String actor, Instant now) {
        ConsultationType type = required(c.type(), "type");
        ConsultationUrgency urgency = required(c.urgency(), "urgency");
        UUID to = required(c.toInstitutionId(), "toInstitutionId");
        UUID resident = required(c.residentId(), "residentId");
        checkTexts(c);
        if (from.equals(to)) {
            throw new InvalidInputException("toInstitutionId", ConsultationError.SAME_INSTITUTION);
        }
        String division = directory.institution(from)
                .orElseThrow(() -> new InvalidInputException("fromInstitutionId", ConsultationError.NO_INSTITUTION, from))
                .districtCode();
        if (directory.institution(to).isEmpty()) {
            throw new InvalidInputException("toInstitutionId", ConsultationError.NO_INSTITUTION, to);
        }
        // a care relationship, not existence: an unknown and a foreign resident get the same answer (issue 10)
        if (!directory.caresFor(from, resident)) {
            throw new NotFoundException("Resident", resident);
        }
        if (c.fromPractitionerId() != null && directory.practitioner(c.fromPractitionerId())
                .filter(p -> p.institutionId() != null && p.institutionId().value().equals(from)).isEmpty()) {
            throw new InvalidInputException("fromPractitionerId", ConsultationError.NOT_PRACTITIONER_OF, c.fromPractitionerId());
        }
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (c.consentSignedOn() != null && c.consentSignedOn().isAfter(today)) {
            throw new InvalidInputException("consentSignedOn", ConsultationError.CONSENT_IN_FUTURE);
        }
        var violations = new ArrayList<Violation>();
        gates.content(c, division, violations);
        gates.consent(c, division, violations);
        var agreement = gates.agreement(from, to, today, division, violations);
        if (c.expertPractitionerId() != null) {
            var expert = directory.practitioner(c.expertPractitionerId()).orElseThrow(() -> new InvalidInputException(
                    "expertPractitionerId", ConsultationError.NO_EXPERT, c.expertPractitionerId()));
            gates.qualified(expert, to, today, division, "expertPractitionerId", violations);
        }
        ConsultationGates.refuseIf(violations);
        UUID consortium = agreement.map(AgreementView::consortiumId).map(k -> k.value())
                .orElseGet(() -> directory.commonConsortium(from, to).orElse(null));
        Instant decideBy = now.plus(gates.decisionTime(urgency, division));
        var consultation = Consultation.request("TC-%d-%06d".formatted(today.getYear(), store.nextNumber()), type,
                urgency, new Parties(from, c.fromPractitionerId(), actor, to, optionalText(c.toDepartment(),
                        "toDepartment", 100), consortium),
                c.expertPractitionerId(), resident, directory.residentName(resident), content(c), consent(c),
                Boolean.TRUE.equals(c.conversionAuthorised()), decideBy, decideBy.plus(gates.expiry(division)), now);
        store.insert(consultation);
        routing.recordDepartures(consultation.id(), from, to, division, now);
        return consultation;
    }

    private static void checkTexts(RequestConsultation c) {
        optionalText(c.reason(), "reason", 1000);
        optionalText(c.purpose(), "purpose", 1000);
        optionalText(c.recordSummary(), "recordSummary", 4000);
        optionalText(c.invitedSpecialty(), "invitedSpecialty", 100);
        optionalText(c.invitedTitle(), "invitedTitle", 100);
        optionalText(c.toDepartment(), "toDepartment", 100);
        optionalText(c.consentSignerName(), "consentSignerName", 100);
        TextRules.characters(c.consentSignerName(), "consentSignerName", TextRules.Kind.NAME);
        optionalText(c.consentReason(), "consentReason", 1000);
    }

    @SuppressWarnings("NullAway") // TM-3 checked the fields (or the pack does not apply: then they are required here)
    private static ConsultationView.Request content(RequestConsultation c) {
        return new ConsultationView.Request(required(optionalText(c.reason(), "reason", 1000), "reason"),
                required(optionalText(c.purpose(), "purpose", 1000), "purpose"), required(c.proposedTime(), "proposedTime"),
                required(optionalText(c.recordSummary(), "recordSummary", 4000), "recordSummary"),
                required(optionalText(c.invitedSpecialty(), "invitedSpecialty", 100), "invitedSpecialty"),
                required(optionalText(c.invitedTitle(), "invitedTitle", 100), "invitedTitle"));
    }

    private static ConsultationView.Consent consent(RequestConsultation c) {
        return new ConsultationView.Consent(required(c.consentSigner(), "consentSigner"),
                optionalText(c.consentSignerName(), "consentSignerName", 100),
                optionalText(c.consentReason(), "consentReason", 1000), required(c.consentSignedOn(), "consentSignedOn"));
    }
}
