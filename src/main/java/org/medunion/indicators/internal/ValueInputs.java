package org.medunion.indicators.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.Period;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InstitutionDays;
import org.springframework.stereotype.Component;

/**
 * What a value and its record list are both asked over, chosen in one place so they cannot drift apart: I-11's day and
 * institutions, I-12's primary spans and CQ-9 days.
 */
@Component
class ValueInputs {

    private final PolicyThresholds thresholds;
    private final RegistryManagement registry;
    private final Clock clock;

    ValueInputs(PolicyThresholds thresholds, RegistryManagement registry, Clock clock) {
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
}
