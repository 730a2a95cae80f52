package org.medunion.indicators.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medunion.policy.IndicatorEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link IndicatorEvidenceSource} from the day rollups: the same sums the indicator values are computed from. */
@Component
@Transactional(readOnly = true)
class PolicyIndicatorEvidence implements IndicatorEvidenceSource {

    private final DaySums sums;

    PolicyIndicatorEvidence(JdbcClient jdbc) {
        this.sums = new DaySums(jdbc);
    }

    @Override
    public HospitalFigures hospitalFigures(UUID institutionId, LocalDate from, LocalDate to) {
        var s = sums.sums(List.of(new DaySums.Window(institutionId, from, to.plusDays(1))), false);
        return new HospitalFigures(s.visits(), s.discharges(), s.operations(), s.level4(), s.bedDays());
    }
}
