package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CQ-10 — every resident of the poverty priority group is under a family-doctor contract (seed 001: "2017年把全市所有
 * 贫困人口纳入签约服务范围"): per district of a CQ jurisdiction, contracted poverty-group residents ÷ poverty-group
 * residents ≥ {share} (default 1.0, "所有"). The finding gives the counts and the uncontracted number, never a person.
 * A poverty-group resident is one declared so on a family-doctor contract; one whose contracts all ended or lapsed is
 * the uncontracted case the platform can see.
 */
final class PovertyContractCoveragePolicy extends RuleSupport {

    PovertyContractCoveragePolicy() {
        super("CQ-10", Pack.CQ, Severity.WARN, Coverage.EVALUATED, Map.of("share", "1.0"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        var coverage = s.teamSource().flatMap(t -> t.povertyCoverage(s.today()));
        if (coverage.isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("familyDoctorContracts"));
        }
        List<Finding> findings = new ArrayList<>();
        coverage.get().forEach((district, c) -> {
            if (!s.applies(pack(), district) || c.residents() == 0) {
                return;
            }
            double share = p.decimal(this, "share", district);
            if (c.contracted() < Math.ceil(share * c.residents() - 1e-9)) {
                findings.add(open(s.districtSubject(district), "uncontracted",
                        Texts.text(district, ": ", c.contracted(), " / ", c.residents(), " < ", share),
                        args(s.districtSubject(district).name(), c.contracted(), c.residents(), c.uncontracted(), percent(share))));
            }
        });
        return findings;
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
