package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.notEmpty;
import static org.medunion.referral.internal.ReferralInput.optionalText;
import static org.medunion.referral.internal.ReferralInput.required;
import static org.medunion.referral.internal.ReferralInput.requiredText;
import static org.medunion.referral.internal.ReferralInput.trim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.ResidentIdNumber;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating a referral (product.md §5): checks the command, routes it (SH-15 priority, CN-3/CN-4 findings),
 * writes the draft with its attachments, care plan, follow-up tasks and medications, and submits it at once
 * when asked.
 */
@Service
@Transactional
class ReferralCreation {

    static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    /** Caps on the lists of one referral (issue 10: one referral once carried 60,000 attachments). */
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_LIST = 50;

    private final ReferralStore store;
    private final CriteriaStore criteria;
    private final RoutingPolicy routing;
    private final Directory directory;
    private final ReferenceCheck references;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralAccess access;
    private final ReferralTransitions transitions;
    private final ReferralViews views;
    private final ExtendedPrescriptionLimit extendedLimit;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of one use case, injected
    ReferralCreation(ReferralStore store, CriteriaStore criteria, RoutingPolicy routing, Directory directory,
                     ReferenceCheck references, CurrentUsers users, AuditTrail audit, Clock clock, ReferralAccess access,
                     ReferralTransitions transitions, ReferralViews views, ExtendedPrescriptionLimit extendedLimit) {
        this.store = store;
        this.criteria = criteria;
        this.routing = routing;
        this.directory = directory;
        this.references = references;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.access = access;
        this.transitions = transitions;
        this.views = views;
        this.extendedLimit = extendedLimit;
    }

    /** The caller creates (and maybe submits) a referral from their side (Idempotency-Key: the shared filter). */
    ReferralView create(CreateReferral c) {
        CurrentUser user = users.require();
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        if (!ReferralAccess.unrestricted(user) && !ReferralAccess.jurisdictional(user) && !ReferralAccess.clinician(user)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CREATE");
        }
        UUID from = c.fromInstitutionId() != null ? c.fromInstitutionId() : ReferralAccess.institutionOf(user);
        required(from, "fromInstitutionId");
        if (!access.canSendFrom(user, from)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CREATE");
        }
        Referral r = create(c, from, user.username(), clock.instant());
        audit.record(AuditAction.CREATE, ReferralLookup.OBJECT, r.id().toString(), r.residentId().toString(), r.number());
        return views.view(store.find(r.id()).orElseThrow(), user, true);
    }

    /** The receiving side's clinician makes an authorised referral from the sending side (TM-16), submitted at once. */
    ReferralView createAuthorised(CreateReferral c) {
        CurrentUser user = users.require();
        if (c == null || c.fromInstitutionId() == null || c.toInstitutionId() == null) {
            throw new InvalidInputException("body", "field.required");
        }
        if (!ReferralAccess.clinician(user) || !c.toInstitutionId().equals(ReferralAccess.institutionOf(user))) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CREATE");
        }
        Referral r = create(c, c.fromInstitutionId(), user.username(), clock.instant());
        if (r.status() == ReferralStatus.DRAFT) {
            transitions.submit(r, user.username(), clock.instant());
        }
        audit.record(AuditAction.CREATE, ReferralLookup.OBJECT, r.id().toString(), r.residentId().toString(), r.number());
        return views.view(store.find(r.id()).orElseThrow(), user, true);
    }

    /** Checks, writes the draft by {@code actor} at {@code now}, and submits it when the command says so. */
    Referral create(CreateReferral c, @Nullable UUID from, String actor, Instant now) {
        Referral r = draft(c, from, actor, now);
        insertWithParts(r, c, actor);
        if (Boolean.TRUE.equals(c.submit())) {
            transitions.submit(r, actor, now);
        }
        return r;
    }

    /** Validates the command and builds the draft (nothing written yet). */
    private Referral draft(CreateReferral c, @Nullable UUID from, String username, Instant now) {
        checkCommand(c, from);
        extendedLimit.check(c, from);
        references.create(c, from);
        boolean toDesk = Boolean.TRUE.equals(c.toDesk());
        UUID consortium = c.consortiumId() != null ? c.consortiumId()
                : directory.commonConsortium(from, c.toInstitutionId()).orElse(null);
        if (toDesk && consortium == null) {
            throw new InvalidInputException("consortiumId", "field.required");
        }
        checkDownwardParts(c);
        List<UUID> met = c.criteriaMet() == null ? List.of() : c.criteriaMet();
        for (UUID id : met) {
            var criterion = id == null ? null : criteria.find(id).orElse(null);
            if (criterion == null || !criterion.active() || criterion.direction() != c.direction()
                    || consortium != null && !consortium.equals(criterion.consortiumId())) {
                throw new InvalidInputException("criteriaMet", ReferralError.CRITERION_NOT_APPLICABLE, id);
            }
        }
        optionalText(c.carePlan(), "carePlan", 4000);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        var contract = directory.activeContract(c.residentId(), today);
        boolean priority = routing.priorityApplies(c.direction(), from, contract, today);
        var findings = routing.findings(c.direction(), from, c.toInstitutionId(), c.destinationType(), contract);
        UUID contractId = c.contractId() != null ? c.contractId() : contract.map(k -> k.id().value()).orElse(null);
        String number = "RF-%d-%06d".formatted(today.getYear(), store.nextNumber());
        String idNumber = c.residentIdNumber() == null || c.residentIdNumber().isBlank() ? null
                : ResidentIdNumber.parse(c.residentIdNumber(), "residentIdNumber").value();
        return Referral.draft(number, required(c.direction(), "direction"), new Sender(from, c.fromPractitionerId(), username),
                new Receiver(c.toInstitutionId(), trim(c.toDepartment()), toDesk, consortium, contractId,
                        c.destinationType(), findings.isEmpty() ? null : String.join(",", findings)),
                new ReferredResident(c.residentId(), idNumber, trim(c.residentName())),
                new Diagnosis(required(c.reason(), "reason").trim(), required(c.diagnosisCode(), "diagnosisCode").trim()
                        .toUpperCase(), required(c.diagnosisText(), "diagnosisText").trim(), trim(c.clinicalSummary())),
                required(c.urgency(), "urgency"), Justification.of(met, trim(c.noCriteriaReason())),
                new ReferralView.Priority(priority, priority, priority), now);
    }

    /** The fields of the command, in the order a form shows them; bad input is a 400 naming the field. */
    private static void checkCommand(CreateReferral c, @Nullable UUID from) {
        required(c.direction(), "direction");
        required(c.residentId(), "residentId");
        if (c.residentIdNumber() != null && !c.residentIdNumber().isBlank()) {
            ResidentIdNumber.parse(c.residentIdNumber(), "residentIdNumber");
        }
        requiredText(c.reason(), "reason", 1000);
        String diagnosisCode = requiredText(c.diagnosisCode(), "diagnosisCode", 10);
        if (!ICD10.matcher(diagnosisCode.toUpperCase()).matches()) {
            throw new InvalidInputException("diagnosisCode", ReferralError.INVALID_ICD10, c.diagnosisCode());
        }
        requiredText(c.diagnosisText(), "diagnosisText", 200);
        required(c.urgency(), "urgency");
        optionalText(c.clinicalSummary(), "clinicalSummary", 4000);
        optionalText(c.noCriteriaReason(), "noCriteriaReason", 1000);
        optionalText(c.toDepartment(), "toDepartment", 100);
        optionalText(c.residentName(), "residentName", 100);
        TextRules.characters(c.residentName(), "residentName", TextRules.Kind.NAME);
        TextRules.characters(c.toDepartment(), "toDepartment", TextRules.Kind.LINE);
        checkParts(c);
        if (c.toInstitutionId() == null && !Boolean.TRUE.equals(c.toDesk())) {
            throw new InvalidInputException("toInstitutionId", ReferralError.NO_RECEIVER);
        }
        if (from != null && from.equals(c.toInstitutionId())) {
            throw new InvalidInputException("toInstitutionId", ReferralError.SAME_INSTITUTION);
        }
    }

    /** Destination type, care plan, follow-ups and medications belong to downward referrals only. */
    private static void checkDownwardParts(CreateReferral c) {
        boolean down = c.direction() == ReferralDirection.DOWN;
        if (down && c.destinationType() == null) {
            throw new InvalidInputException("destinationType", "field.required");
        }
        if (!down && (c.destinationType() != null || c.carePlan() != null || notEmpty(c.followUpTasks())
                || notEmpty(c.medications()))) {
            throw new InvalidInputException(c.destinationType() != null ? "destinationType" : "carePlan",
                    ReferralError.DOWNWARD_ONLY);
        }
    }

    private void insertWithParts(Referral r, CreateReferral c, String actor) {
        Instant now = r.createdAt();
        store.insert(r);
        if (c.attachments() != null) {
            c.attachments().forEach(a -> store.addAttachment(r.id(), a.kind() == null ? "RESULT" : a.kind().trim(),
                    a.title().trim(), trim(a.reference()), now));
        }
        if (c.carePlan() != null && !c.carePlan().isBlank()) {
            store.saveCarePlan(r.id(), c.carePlan().trim(), actor, now);
        }
        if (c.followUpTasks() != null) {
            c.followUpTasks().forEach(t -> store.addFollowUp(r.id(), t.description().trim(), t.dueDate(),
                    t.assignedPractitionerId(), t.assignedTeamId()));
        }
        if (c.medications() != null) {
            c.medications().forEach(m -> store.addMedication(r.id(), m.drug().trim(), trim(m.dose()),
                    trim(m.frequency()), m.days(), trim(m.note())));
        }
    }

    /** The lists of a new referral and their entries' texts, checked before any look-up: bad input is a 400 naming it. */
    private static void checkParts(CreateReferral c) {
        TextRules.listSizeOrNull(c.criteriaMet(), "criteriaMet", MAX_LIST);
        TextRules.listSizeOrNull(c.attachments(), "attachments", MAX_ATTACHMENTS);
        TextRules.listSizeOrNull(c.followUpTasks(), "followUpTasks", MAX_LIST);
        TextRules.listSizeOrNull(c.medications(), "medications", MAX_LIST);
        // entries are named by their JSON path (attachments[0].title), as the door's text guard names them
        var attachments = c.attachments() == null ? List.<CreateReferral.AttachmentInput>of() : c.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            required(a, "attachments[" + i + "]");
            requiredText(a.title(), "attachments[" + i + "].title", 200);
            optionalText(a.kind(), "attachments[" + i + "].kind", 20);
            optionalText(a.reference(), "attachments[" + i + "].reference", 500);
        }
        var tasks = c.followUpTasks() == null ? List.<CreateReferral.FollowUpInput>of() : c.followUpTasks();
        for (int i = 0; i < tasks.size(); i++) {
            var t = tasks.get(i);
            required(t, "followUpTasks[" + i + "]");
            requiredText(t.description(), "followUpTasks[" + i + "].description", 1000);
            required(t.dueDate(), "followUpTasks[" + i + "].dueDate");
        }
        var medications = c.medications() == null ? List.<CreateReferral.MedicationInput>of() : c.medications();
        for (int i = 0; i < medications.size(); i++) {
            var m = medications.get(i);
            required(m, "medications[" + i + "]");
            String at = "medications[" + i + "]";
            requiredText(m.drug(), at + ".drug", 200);
            optionalText(m.dose(), at + ".dose", 100);
            optionalText(m.frequency(), at + ".frequency", 100);
            optionalText(m.note(), at + ".note", 500);
            if (m.days() != null && m.days() < 1) {
                throw new InvalidInputException(at + ".days", ReferralError.INVALID_PRESCRIPTION_DAYS, m.days(), 1);
            }
        }
    }
}
