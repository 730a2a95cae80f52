package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.required;
import static org.medunion.consultation.internal.ConsultationInput.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationError;
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
    private final ConsultationFiling filing;
    private final ConsultationPanels panels;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the workflow, injected
    ConsultationSteps(ConsultationStore store, ConsultationLookup lookup, ConsultationGates gates,
                      ConsultationDirectory directory, ConsultationViews views, CurrentUsers users, AuditTrail audit,
                      Clock clock, ReferralManagement referrals, ConsultationFiling filing, ConsultationPanels panels) {
        this.store = store;
        this.lookup = lookup;
        this.gates = gates;
        this.directory = directory;
        this.views = views;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.referrals = referrals;
        this.filing = filing;
        this.panels = panels;
    }

    interface Step {

        void apply(Consultation c, CurrentUser user, Instant now);
    }

    ConsultationView step(ConsultationId id, ConsultationAction action, CurrentUser caller, Instant at, Step step) {
        Consultation c = lookup.actable(id, caller, action);
        step.apply(c, caller, at);
        store.save(c);
        if (c.status().isTerminal()) {
            filing.retain(c, at);
            panels.ended(c, caller.username(), at);
        }
        audit.record(AuditAction.UPDATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                action.name());
        return views.view(c);
    }

    /**
     * Every manual step but acceptance, by {@code caller} at {@code at} (the API's caller and clock, or the system's
     * backfill): {@code text} is the reason, question, answer or opinion the step needs, ignored by the others.
     */
    ConsultationView act(ConsultationId id, ConsultationAction action, @Nullable String text, CurrentUser caller,
                         Instant at) {
        return switch (action) {
            case DECLINE -> step(id, action, caller, at, (c, user, now) -> {
                c.check(action);
                c.decline(requiredText(text, "text", 1000), user.username(), now);
            });
            case ASK_INFO -> step(id, action, caller, at, (c, user, now) -> {
                c.check(action);
                c.askInformation(requiredText(text, "text", 2000), user.username(), now);
            });
            case ANSWER -> step(id, action, caller, at, (c, user, now) -> answer(c, text, user, now));
            case START -> step(id, action, caller, at, (c, user, now) -> c.start(user.username(), now));
            case DRAFT_OPINION -> step(id, action, caller, at, (c, user, now) -> {
                c.check(action);
                c.draftOpinion(requiredText(text, "text", 8000), user.username(), now);
            });
            case SIGN_OPINION -> step(id, action, caller, at, (c, user, now) -> c.signOpinion(user.username(), now));
            case ACKNOWLEDGE -> step(id, action, caller, at, (c, user, now) -> c.acknowledge(user.username(), now));
            case CLOSE -> step(id, action, caller, at, (c, user, now) -> close(c, user, now));
            case CANCEL -> step(id, action, caller, at, (c, user, now) -> {
                c.check(action);
                c.cancel(optionalText(text, "text", 1000), user.username(), now);
            });
            default -> throw new IllegalArgumentException("not a step with a text: " + action);
        };
    }

    ConsultationView accept(ConsultationId id, @Nullable AcceptConsultation command, CurrentUser caller, Instant at) {
        return step(id, ConsultationAction.ACCEPT, caller, at, (c, user, now) -> {
            c.check(ConsultationAction.ACCEPT);
            AcceptConsultation a = required(command, "body");
            UUID expert = required(a.expertPractitionerId() != null ? a.expertPractitionerId() : c.expertPractitionerId(),
                    "expertPractitionerId");
            var physician = directory.practitioner(expert).orElseThrow(() -> new InvalidInputException(
                    "expertPractitionerId", ConsultationError.NO_EXPERT, expert));
            var violations = new ArrayList<Violation>();
            LocalDate day = LocalDate.ofInstant(now, clock.getZone());
            String division = directory.districtOf(c.fromInstitutionId());
            gates.qualified(physician, c.toInstitutionId(), day, division, "expertPractitionerId", violations);
            List<UUID> others = panels.furtherExperts(c, a, expert, day, division, violations);
            ConsultationGates.refuseIf(violations);
            Instant sessionAt = panels.book(c, a, expert, user.username(), now);
            c.accept(sessionAt, expert, optionalText(a.note(), "note", 1000), user.username(), now);
            panels.addExperts(c, others, now);
        });
    }

    private void answer(Consultation c, @Nullable String answer, CurrentUser user, Instant now) {
        c.check(ConsultationAction.ANSWER);
        String text = requiredText(answer, "text", 4000);
        String division = directory.districtOf(c.fromInstitutionId());
        Instant decideBy = now.plus(gates.decisionTime(c.urgency(), division));
        c.answer(text, decideBy, decideBy.plus(gates.expiry(division)), user.username(), now);
    }

    private void close(Consultation c, CurrentUser user, Instant now) {
        if (BEFORE_ACKNOWLEDGED.contains(c.status())) {
            ConsultationGates.refuseIf(List.of(gates.violation("TM-7", "status", "consultation.gate.TM-7",
                    c.status().name())));
        }
        c.close(user.username(), now);
        filing.charge(c, now);
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

    /**
     * The deadline job (TM-4): escalate requests past their deadline, expire those past the second limit; only
     * {@code only} when given (a test moving its own requests' clock leaves every other request alone).
     */
    int[] escalateOverdue(Instant now, @Nullable Collection<UUID> only) {
        int escalated = 0;
        for (Consultation c : store.requestedPast(now, false, 500, only)) {
            c.escalate(now);
            escalated += store.trySave(c) ? 1 : 0;
        }
        int expired = 0;
        for (Consultation c : store.requestedPast(now, true, 500, only)) {
            if (!c.deadline().escalated()) {
                c.escalate(now);
            }
            c.expire(now);
            if (store.trySave(c)) {
                filing.retain(c, now);
                panels.ended(c, Consultation.SYSTEM, now);
                expired++;
            }
        }
        return new int[] {escalated, expired};
    }
}
