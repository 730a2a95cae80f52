package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medunion.policy.ReleaseRatioSource.ReleaseRatio;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;

/**
 * NN-4 — the lead hospital releases at least {slots} (default 1/3) of its outpatient slots and {beds}
 * (default 1/4) of its inpatient beds to family-doctor teams / primary institutions. Counts come from the
 * {@link org.medunion.policy.ReleaseRatioSource} the scheduling module provides; without it: NO_DATA.
 */
final class ReleaseQuotaPolicy extends RuleSupport {

    ReleaseQuotaPolicy() {
        super("NN-4", Pack.NN, Severity.BLOCK, Coverage.PARTIAL, Map.of("slots", "1/3", "beds", "1/4"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            var lead = s.lead(c);
            var ratio = lead.flatMap(l -> s.releaseRatios().flatMap(src -> src.releaseRatio(l.id())));
            if (lead.isEmpty() || ratio.isEmpty()) {
                findings.add(noData(s.subject(c), "noData", Texts.term("scheduling")));
                continue;
            }
            ReleaseRatio r = ratio.get();
            double minSlots = p.decimal(this, "slots", c.districtCode());
            double minBeds = p.decimal(this, "beds", c.districtCode());
            if (r.totalSlots() <= 0 || r.totalBeds() <= 0) {
                findings.add(noData(s.subject(c), "noData", Texts.text(Texts.term("scheduling"), " ", r.period())));
                continue;
            }
            // reserved / total >= min, compared without rounding: reserved >= min * total
            if (r.reservedSlots() < minSlots * r.totalSlots() - 1e-9) {
                findings.add(open(s.subject(c), "slots", c.name() + " " + r.period() + ": " + r.reservedSlots() + "/" + r.totalSlots()
                        + " < " + p.value(this, "slots", c.districtCode()),
                        args(c.name(), r.reservedSlots(), r.totalSlots(),
                                p.value(this, "slots", c.districtCode()), pct(r.reservedSlots(), r.totalSlots())),
                        lead.get().id()));
            }
            if (r.reservedBeds() < minBeds * r.totalBeds() - 1e-9) {
                findings.add(open(s.subject(c), "beds", c.name() + " " + r.period() + ": " + r.reservedBeds() + "/" + r.totalBeds()
                        + " < " + p.value(this, "beds", c.districtCode()),
                        args(c.name(), r.reservedBeds(), r.totalBeds(),
                                p.value(this, "beds", c.districtCode()), pct(r.reservedBeds(), r.totalBeds())),
                        lead.get().id()));
            }
        }
        return findings;
    }

    static String pct(long a, long b) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * a / b);
    }
}
