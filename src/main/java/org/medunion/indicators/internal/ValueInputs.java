package org.medunion.indicators.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.Period;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.pharmacy.PrescriptionMeasures;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.ReceivedMedicationLists;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InstitutionDays;
import org.springframework.stereotype.Component;

/**
 * What a value and its record list are both asked over, chosen in one place so they cannot drift apart: I-11's day and
 * institutions, I-12's primary spans and CQ-9 days, I-23's day and institutions, I-29's institutions, I-30's referrals
 * and whether each was continued.
 */
@Component
class ValueInputs {

    private final PolicyThresholds thresholds;
    private final RegistryManagement registry;
    private final Clock clock;
    private final ReceivedMedicationLists medicationLists;
    private final PrescriptionMeasures prescriptions;

    ValueInputs(PolicyThresholds thresholds, RegistryManagement registry, Clock clock, ReceivedMedicationLists medicationLists,
                PrescriptionMeasures prescriptions) {
        this.medicationLists = medicationLists;
        this.prescriptions = prescriptions;
        this.thresholds = thresholds;
        this.registry = registry;
        this.clock = clock;
    }

    /** I-11's day: the period's last, today at the latest; null for a period not begun (no data). */
    @Nullable
    LocalDate coverageDay(Period period) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = period.end().minusDays(1).isAfter(today) ? today : period.end().minusDays(1);
        return day.isBefore(period.start()) ? null : day;
    }

    /** I-23's day (the period's last, today at the latest) and every institution the subject held in the period. */
    ItemCoverageAsked itemCoverage(Resolved subject, Period period) {
        LocalDate last = period.end().minusDays(1);
        LocalDate today = LocalDate.now(clock);
        var institutions = new LinkedHashSet<UUID>();
        subject.spans().forEach(s -> institutions.add(s.institution()));
        return new ItemCoverageAsked(last.isAfter(today) ? today : last, institutions);
    }

    /** I-29's institutions: every one the subject held in the period (catalogues keep no history, so as they stand now). */
    static Set<UUID> catalogueHolders(Resolved subject) {
        var members = new LinkedHashSet<UUID>();
        subject.spans().forEach(s -> members.add(s.institution()));
        return members;
    }

    record ItemCoverageAsked(LocalDate day, Set<UUID> institutions) {
    }

    /** The institutions the subject held on {@code day}. */
    static Set<UUID> heldOn(Resolved subject, LocalDate day) {
        var institutions = new LinkedHashSet<UUID>();
        subject.spans().stream().filter(s -> !s.from().isAfter(day) && s.to().isAfter(day)).forEach(s -> institutions.add(s.institution()));
        return institutions;
    }

    /** CQ-9's {@code returnDays} in the subject's jurisdiction (overrides honoured). */
    int returnDays(Resolved subject) {
        return Integer.parseInt(thresholds.threshold("CQ-9", "returnDays", subject.divisionCode()).value().strip());
    }

    /** The subject's spans at primary institutions (I-12's upward referrals). */
    List<InstitutionDays> primarySpans(Resolved subject) {
        var out = new ArrayList<InstitutionDays>();
        subject.spans().stream().filter(s -> registry.institutionEntry(new InstitutionId(s.institution()))
                .map(InstitutionView::isPrimary).orElse(false))
                .forEach(s -> out.add(new InstitutionDays(s.institution(), s.from(), s.to())));
        return out;
    }

    /** A downward referral with a medication list I-30 counts, and whether it was continued in time (its numerator). */
    record Continuity(ReceivedMedicationLists.Received received, boolean continued) {
    }

    /**
     * I-30's rows, oldest acceptance first, by the receiving institution and the day it accepted: continued within RX-16's
     * {@code renewalDays} (the subject's jurisdiction, overrides honoured) — renewed by an extended prescription or stopped
     * with a documented reason — or not. The value counts them and the record list shows them.
     */
    List<Continuity> continuity(Resolved subject) {
        var received = medicationLists.received(subject.spans().stream()
                .map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList());
        int days = Integer.parseInt(thresholds.threshold("RX-16", "renewalDays", subject.divisionCode()).value().strip());
        var byId = new HashMap<UUID, Instant>();
        received.forEach(r -> byId.put(r.referralId(), r.acceptedAt()));
        Set<UUID> renewed = byId.isEmpty() ? Set.of() : new HashSet<>(prescriptions.renewedWithin(byId, days));
        return received.stream().map(r -> new Continuity(r, renewed.contains(r.referralId())
                || r.stoppedAt() != null && !r.stoppedAt().isAfter(r.acceptedAt().plus(Duration.ofDays(days))))).toList();
    }
}
