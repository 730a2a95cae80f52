package org.medunion.indicators.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medunion.indicators.internal.Subjects.Span;
import org.medunion.policy.IndicatorEvidenceSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link IndicatorEvidenceSource} from the day rollups: the same sums the indicator values are computed from. */
@Component
@Transactional(readOnly = true)
class PolicyIndicatorEvidence implements IndicatorEvidenceSource {

    private final IndicatorQueries queries;

    PolicyIndicatorEvidence(IndicatorQueries queries) {
        this.queries = queries;
    }

    @Override
    public HospitalFigures hospitalFigures(UUID institutionId, LocalDate from, LocalDate to) {
        var s = queries.sums(List.of(new Span(institutionId, from, to.plusDays(1), true)), false);
        return new HospitalFigures(s.visits(), s.discharges(), s.operations(), s.level4(), s.bedDays());
    }
}
