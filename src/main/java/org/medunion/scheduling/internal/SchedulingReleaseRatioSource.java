package org.medunion.scheduling.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.SchedulingManagement;
import org.springframework.stereotype.Component;

/**
 * Feeds the policy module's NN-4 check (I-8) with the lead hospital's reserved and total outpatient slots and
 * beds of the current calendar month (Asia/Shanghai); empty when the hospital published nothing that month.
 */
@Component
class SchedulingReleaseRatioSource implements ReleaseRatioSource {

    private final SchedulingManagement scheduling;
    private final Clock clock;

    SchedulingReleaseRatioSource(SchedulingManagement scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Override
    public Optional<ReleaseRatio> releaseRatio(InstitutionId leadHospital) {
        LocalDate from = LocalDate.now(clock).withDayOfMonth(1);
        var v = scheduling.releaseRatios(leadHospital, from, from.plusMonths(1));
        if (!v.outpatient().hasData() && !v.beds().hasData()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseRatio(from.toString().substring(0, 7), v.outpatient().numerator(),
                v.outpatient().denominator(), v.beds().numerator(), v.beds().denominator()));
    }
}
