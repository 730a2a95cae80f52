package org.medunion.indicators;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param releases per pack, the release number of its version: 1 for the first content version any assessment froze,
 *                 2 for the next, … (decision 0264); a version nobody froze yet gets the next number
 */
public record Snapshot(boolean frozen, Instant takenAt, @Nullable String takenBy, List<PackVersion> packs,
                       List<IndicatorValue> values, List<CriterionReading> checklist, Map<String, Integer> releases) {

    public Snapshot {
        packs = List.copyOf(packs);
        releases = Map.copyOf(releases);
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

    /** The release number of a pack's version here (1 when unknown). */
    public int release(String pack) {
        return releases.getOrDefault(pack, 1);
    }

    public String packList() {
        return String.join(", ", packs.stream().map(p -> p.pack() + " " + p.version()).toList());
    }
}
