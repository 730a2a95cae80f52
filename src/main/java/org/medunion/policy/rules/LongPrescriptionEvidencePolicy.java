package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medunion.registry.InstitutionView;

/**
 * CQ-5 — "不超过2个月的长处方": the pharmacy module refuses a longer one when it is written (LongPrescriptionPolicy, 422);
 * here the prescriptions already on the platform are checked against the limit in force now, so a limit lowered by a
 * jurisdiction's override, or data imported from elsewhere, shows up: one finding per institution of a jurisdiction
 * applying CQ whose longest line exceeds {@code maxDays}. NO_DATA without the pharmacy module.
 */
final class LongPrescriptionEvidencePolicy extends RuleSupport {

    LongPrescriptionEvidencePolicy() {
        super("CQ-5", Pack.CQ, Severity.BLOCK, Coverage.EVALUATED, Map.of("maxDays", "60"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.pharmacy().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("source.CQ-5", "pharmacy: prescriptions"));
        }
        var longest = s.pharmacy().get().longestSupply();
        List<Finding> findings = new ArrayList<>();
        for (String j : s.jurisdictionsApplying(Pack.CQ).stream().sorted().toList()) {
            var districts = s.districtsUnder(j);
            s.institutions().stream().filter(i -> districts.contains(i.districtCode()))
                    .sorted(Comparator.comparing(InstitutionView::name)).forEach(i -> {
                        Long days = longest.get(i.id().value());
                        int max = p.intValue(this, "maxDays", i.districtCode());
                        if (days != null && days > max) {
                            findings.add(open(s.subject(i, null), "tooLong@" + i.id().value(),
                                    Texts.text(i.name(), ": ", days, " > ", max), args(i.name(), days, max), i.id()));
                        }
                    });
        }
        return findings;
    }
}
