package org.medunion.indicators.internal;

import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.Level;
import org.medunion.indicators.Snapshot;
import org.medunion.policy.PolicyReadings;
import org.springframework.stereotype.Component;

/**
 * The figures of an assessment as they stand now: every indicator of the consortium for the year (within the caller's
 * scope, as the dashboard computes them), the packs in force for its district and the NAT checklist, its texts in
 * Chinese — the language of the frozen record, whatever the reader's.
 */
@Component
class AssessmentFigures {

    private final IndicatorsManagement indicators;
    private final PolicyReadings policy;
    private final AssessmentStore store;
    private final Clock clock;

    AssessmentFigures(IndicatorsManagement indicators, PolicyReadings policy, AssessmentStore store, Clock clock) {
        this.indicators = indicators;
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    /** {@code frozenBy}: the display name of who freezes; null for a live preview. */
    Snapshot now(AssessmentView a, @Nullable String frozenBy) {
        var values = indicators.values(Level.CONSORTIUM, a.consortiumId().toString(), a.period());
        var packs = policy.packsInForce(a.districtCode());
        return new Snapshot(frozenBy != null, clock.instant(), frozenBy, packs, values,
                policy.nationalChecklist(a.consortiumId(), Locale.SIMPLIFIED_CHINESE), store.releases(packs));
    }
}
