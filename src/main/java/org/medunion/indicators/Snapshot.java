package org.medunion.indicators;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.PolicyReadings.CriterionReading;
import org.medunion.policy.PolicyReadings.PackVersion;

/**
 * The figures an assessment is judged on: every indicator value of the consortium for the year, the rule packs in force
 * with their version, and the national checklist. Frozen once ({@code frozen}), or a live preview computed now.
 *
 * @param takenAt when the values were read (the freeze, or now for a preview)
 * @param takenBy display name of who froze it; null for a preview
 */
public record Snapshot(boolean frozen, Instant takenAt, @Nullable String takenBy, List<PackVersion> packs,
                       List<IndicatorValue> values, List<CriterionReading> checklist) {

    public Snapshot {
        packs = List.copyOf(packs);
        values = List.copyOf(values);
        checklist = List.copyOf(checklist);
    }

    /** The values shown under a dimension, in its order. */
    public List<IndicatorValue> values(Dimension dimension) {
        return dimension.indicators().stream().map(i -> value(i.id())).flatMap(Optional::stream).toList();
    }

    /** The values of indicators whose dimension is not assessed here (D-4's in Nanning), in catalogue order. */
    public List<IndicatorValue> outside(List<Dimension> assessed) {
        return values.stream().filter(v -> Indicator.byId(v.indicator()).flatMap(Dimension::of).map(d -> !assessed.contains(d))
                .orElse(true)).toList();
    }

    public Optional<IndicatorValue> value(String indicator) {
        return values.stream().filter(v -> v.indicator().equals(indicator)).findFirst();
    }

    /** The checklist items a dimension shows beside its indicators. */
    public List<CriterionReading> criteria(Dimension dimension) {
        return checklist.stream().filter(c -> dimension.criteria().contains(c.criterion())).toList();
    }

    public String packList() {
        return String.join(", ", packs.stream().map(p -> p.pack() + " " + p.version()).toList());
    }
}
