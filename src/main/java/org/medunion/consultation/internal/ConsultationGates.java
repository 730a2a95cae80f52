package org.medunion.consultation.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.RequestConsultation;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.shared.RuleViolationException;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Rule pack TM as gates (consultation.md §c): each check collects violations citing the rule ID and the clause the
 * policy module holds; {@link #refuseIf} throws one 422 with all of them before anything is written. Every number
 * (TM-4 deadlines, TM-5 years) is read through {@link PolicyThresholds} for the inviting institution's division;
 * a gate is enforced where a jurisdiction covering that division applies pack TM.
 */
@Component
class ConsultationGates {

    /** The agreement types that carry telemedicine (TM-1: a cooperation or trusteeship agreement, decision 0100). */
    static final List<AgreementType> TELEMEDICINE_CAPABLE = List.of(AgreementType.COOPERATION, AgreementType.TRUSTEESHIP);

    private final PolicyThresholds thresholds;
    private final ConsultationDirectory directory;
    private final MessageSource messages;

    ConsultationGates(PolicyThresholds thresholds, ConsultationDirectory directory, MessageSource messages) {
        this.thresholds = thresholds;
        this.directory = directory;
        this.messages = messages;
    }

    /** Whether a jurisdiction covering the division applies pack TM (asked through one of its parameters). */
    boolean applies(String rule, @Nullable String division) {
        return rule.startsWith("TM-") && thresholds.threshold("TM-5", "years", division).applies();
    }

    Violation violation(String rule, String field, String key, Object... args) {
        String message = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
        return new Violation(rule, thresholds.clause(rule), message == null ? key : message, field, List.of());
    }

    static void refuseIf(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** TM-3: reason, purpose, time, record summary, invited specialty and title. */
    void content(RequestConsultation c, @Nullable String division, List<Violation> out) {
        if (!applies("TM-3", division)) {
            return;
        }
        missing(c.reason(), "reason", out);
        missing(c.purpose(), "purpose", out);
        if (c.proposedTime() == null) {
            out.add(violation("TM-3", "proposedTime", "consultation.gate.TM-3", "proposedTime"));
        }
        missing(c.recordSummary(), "recordSummary", out);
        missing(c.invitedSpecialty(), "invitedSpecialty", out);
        missing(c.invitedTitle(), "invitedTitle", out);
    }

    private void missing(@Nullable String value, String field, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(violation("TM-3", field, "consultation.gate.TM-3", field));
        }
    }

    /** TM-2: the patient's written consent, or a guardian's or close relative's with a reason. */
    void consent(RequestConsultation c, @Nullable String division, List<Violation> out) {
        if (!applies("TM-2", division)) {
            return;
        }
        if (c.consentSigner() == null || c.consentSignedOn() == null) {
            out.add(violation("TM-2", c.consentSigner() == null ? "consentSigner" : "consentSignedOn",
                    "consultation.gate.TM-2.missing"));
            return;
        }
        if (c.consentSigner() != ConsentSigner.PATIENT) {
            if (c.consentReason() == null || c.consentReason().isBlank()) {
                out.add(violation("TM-2", "consentReason", "consultation.gate.TM-2.reason"));
            }
            if (c.consentSignerName() == null || c.consentSignerName().isBlank()) {
                out.add(violation("TM-2", "consentSignerName", "consultation.gate.TM-2.signer"));
            }
        }
    }

    /** TM-1: an active, signed telemedicine-capable agreement naming both institutions on the request date. */
    Optional<AgreementView> agreement(UUID from, UUID to, LocalDate day, @Nullable String division, List<Violation> out) {
        var found = agreementOn(from, to, day);
        if (found.isEmpty() && applies("TM-1", division)) {
            out.add(violation("TM-1", "toInstitutionId", "consultation.gate.TM-1", day));
        }
        return found;
    }

    /** The first signed telemedicine-capable agreement naming both institutions in force on the day (TM-1, TM-13). */
    Optional<AgreementView> agreementOn(UUID from, UUID to, LocalDate day) {
        return directory.agreementsBetween(from, to).stream()
                .filter(a -> TELEMEDICINE_CAPABLE.contains(a.type()) && a.signed() && !a.termStart().isAfter(day)
                        && (a.termEnd() == null || !a.termEnd().isBefore(day)))
                .findFirst();
    }

    /** TM-5: a physician registered at or dispatched to the invited institution, with enough years of practice. */
    void qualified(PractitionerView p, UUID to, LocalDate day, @Nullable String division, String field, List<Violation> out) {
        if (!applies("TM-5", division)) {
            return;
        }
        boolean there = p.institutionId() != null && p.institutionId().value().equals(to)
                || directory.dispatchesOf(p.id().value()).stream().anyMatch(d -> d.toInstitutionId().value().equals(to)
                        && !d.startDate().isAfter(day) && (d.endDate() == null || !d.endDate().isBefore(day)));
        if (p.profession() != Profession.PHYSICIAN || !there) {
            out.add(violation("TM-5", field, "consultation.gate.TM-5.where", p.name()));
            return;
        }
        int years = Integer.parseInt(thresholds.threshold("TM-5", "years", division).value().strip());
        // practising since: the date of the physician's title, the earliest the registry records (decision 0100)
        if (p.titleDate() == null || p.titleDate().plusYears(years).isAfter(day)) {
            out.add(violation("TM-5", field, "consultation.gate.TM-5.years", p.name(), years));
        }
    }

    /** TM-4: how long the invited side has to decide a request of this urgency. */
    Duration decisionTime(ConsultationUrgency urgency, @Nullable String division) {
        return Duration.parse(thresholds.threshold("TM-4", urgency.deadlineParameter(), division).value().strip());
    }

    /** TM-4: how long after its deadline an undecided request expires. */
    Duration expiry(@Nullable String division) {
        return Duration.parse(thresholds.threshold("TM-4", "expireAfter", division).value().strip());
    }

    String clause(String rule) {
        return thresholds.clause(rule);
    }
}
