package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.required;
import static org.medunion.consultation.internal.ConsultationInput.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ConvertToReferral;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.Urgency;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow steps by the two sides: load for the caller (404 / 403), run the step's gate, let the aggregate
 * check the transition table (409) and record the step, save with the version check, audit. TM-5 is checked on
 * acceptance (the physician who will answer), TM-7 on closing, TM-16 on conversion into a referral.
 */
@Service
@Transactional
class ConsultationSteps {

    /** Statuses from which closing is refused as TM-7 (opinion not yet signed and acknowledged) rather than 409. */
    static final Set<ConsultationStatus> BEFORE_ACKNOWLEDGED = EnumSet.of(ConsultationStatus.ACCEPTED,
            ConsultationStatus.IN_SESSION, ConsultationStatus.OPINION_DRAFTED, ConsultationStatus.OPINION_SIGNED);

    private final ConsultationStore store;
    private final ConsultationLookup lookup;
    private final ConsultationGates gates;
    private final ConsultationDirectory directory;
    private final ConsultationViews views;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralManagement referrals;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the workflow, injected
    ConsultationSteps(ConsultationStore store, ConsultationLookup lookup, ConsultationGates gates,
                      ConsultationDirectory directory, ConsultationViews views, CurrentUsers users, AuditTrail audit,
                      Clock clock, ReferralManagement referrals) {
        this.store = store;
        this.lookup = lookup;
        this.gates = gates;
        this.directory = directory;
        this.views = views;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.referrals = referrals;
    }

    interface Step {

        void apply(Consultation c, CurrentUser user, Instant now);
    }

    ConsultationView step(ConsultationId id, ConsultationAction action, Step step) {
        CurrentUser user = users.require();
        Consultation c = lookup.actable(id, user, action);
        step.apply(c, user, clock.instant());
        store.save(c);
        audit.record(AuditAction.UPDATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                action.name());
        return views.view(c);
    }

    ConsultationView accept(ConsultationId id, @Nullable AcceptConsultation command) {
        return step(id, ConsultationAction.ACCEPT, (c, user, now) -> {
            c.check(ConsultationAction.ACCEPT);
            AcceptConsultation a = required(command, "body");
            UUID expert = required(a.expertPractitionerId() != null ? a.expertPractitionerId() : c.expertPractitionerId(),
                    "expertPractitionerId");
            var physician = directory.practitioner(expert).orElseThrow(() -> new InvalidInputException(
                    "expertPractitionerId", ConsultationError.NO_EXPERT, expert));
            var violations = new ArrayList<Violation>();
            gates.qualified(physician, c.toInstitutionId(), LocalDate.ofInstant(now, clock.getZone()),
                    directory.districtOf(c.fromInstitutionId()), "expertPractitionerId", violations);
            ConsultationGates.refuseIf(violations);
            c.accept(a.sessionAt(), expert, optionalText(a.note(), "note", 1000), user.username(), now);
        });
    }

    ConsultationView decline(ConsultationId id, @Nullable String reason) {
        return step(id, ConsultationAction.DECLINE, (c, user, now) -> {
            c.check(ConsultationAction.DECLINE);
            c.decline(requiredText(reason, "text", 1000), user.username(), now);
        });
    }

    ConsultationView askInformation(ConsultationId id, @Nullable String question) {
        return step(id, ConsultationAction.ASK_INFO, (c, user, now) -> {
            c.check(ConsultationAction.ASK_INFO);
            c.askInformation(requiredText(question, "text", 2000), user.username(), now);
        });
    }

    ConsultationView answer(ConsultationId id, @Nullable String answer) {
        return step(id, ConsultationAction.ANSWER, (c, user, now) -> {
            c.check(ConsultationAction.ANSWER);
            String text = requiredText(answer, "text", 4000);
            String division = directory.districtOf(c.fromInstitutionId());
            Instant decideBy = now.plus(gates.decisionTime(c.urgency(), division));
            c.answer(text, decideBy, decideBy.plus(gates.expiry(division)), user.username(), now);
        });
    }

    ConsultationView draftOpinion(ConsultationId id, @Nullable String text) {
        return step(id, ConsultationAction.DRAFT_OPINION, (c, user, now) -> {
            c.check(ConsultationAction.DRAFT_OPINION);
            c.draftOpinion(requiredText(text, "text", 8000), user.username(), now);
        });
    }

    ConsultationView close(ConsultationId id) {
        return step(id, ConsultationAction.CLOSE, (c, user, now) -> {
            if (BEFORE_ACKNOWLEDGED.contains(c.status())) {
                ConsultationGates.refuseIf(List.of(gates.violation("TM-7", "status", "consultation.gate.TM-7",
                        c.status().name())));
            }
            c.close(user.username(), now);
        });
    }

    ConsultationView cancel(ConsultationId id, @Nullable String reason) {
        return step(id, ConsultationAction.CANCEL, (c, user, now) -> {
            c.check(ConsultationAction.CANCEL);
            c.cancel(optionalText(reason, "text", 1000), user.username(), now);
        });
    }

    /** TM-16: the invited side converts a consultation with a signed opinion, when the requester authorised it. */
    ConsultationView convert(ConsultationId id, @Nullable ConvertToReferral command) {
        CurrentUser user = users.require();
        Consultation c = lookup.actable(id, user, ConsultationAction.SIGN_OPINION);
        ConvertToReferral k = required(command, "body");
        if (!c.conversionAuthorised()) {
            ConsultationGates.refuseIf(List.of(gates.violation("TM-16", "conversionAuthorised", "consultation.gate.TM-16")));
        }
        var opinion = c.opinion();
        if (opinion == null || !opinion.signed()) {
            throw new ConflictException(ConsultationError.NO_OPINION, "opinion");
        }
        if (c.referralId() != null) {
            throw new ConflictException(ConsultationError.ALREADY_CONVERTED, "referralId", c.referralId());
        }
        if (!ConsultationAccess.admin(user) && !c.toInstitutionId().equals(ConsultationAccess.institutionOf(user))) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "CONVERT");
        }
        var referral = referrals.createAuthorised(new CreateReferral(ReferralDirection.UP, c.fromInstitutionId(), null,
                c.toInstitutionId(), optionalText(k.toDepartment(), "toDepartment", 100), false, c.residentId(), null,
                c.residentName(), c.consortiumId(), null, c.request().reason(), requiredText(k.diagnosisCode(),
                        "diagnosisCode", 10),
                requiredText(k.diagnosisText(), "diagnosisText", 200),
                Urgency.valueOf(c.urgency().name()), opinion.text(), null, "TM-16 " + c.number(), null, null, null, null,
                null, true));
        c.convertedInto(referral.id().value(), user.username(), clock.instant());
        store.save(c);
        audit.record(AuditAction.UPDATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "CONVERT " + referral.number());
        return views.view(c);
    }

    /** The deadline job (TM-4): escalate requests past their deadline, expire those past the second limit. */
    int[] escalateOverdue(Instant now) {
        int escalated = 0;
        for (Consultation c : store.requestedPast(now, false, 500)) {
            c.escalate(now);
            escalated += store.trySave(c) ? 1 : 0;
        }
        int expired = 0;
        for (Consultation c : store.requestedPast(now, true, 500)) {
            if (!c.deadline().escalated()) {
                c.escalate(now);
            }
            c.expire(now);
            expired += store.trySave(c) ? 1 : 0;
        }
        return new int[] {escalated, expired};
    }
}
