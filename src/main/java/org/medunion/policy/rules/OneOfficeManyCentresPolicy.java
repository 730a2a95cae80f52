package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;

/**
 * NN-3 — "one office, many centres": a management office plus HR, operations, medical, nursing, logistics,
 * pharmacy, equipment, insurance, IT and audit centres ({centres}; FINANCE counts as OPERATIONS).
 */
final class OneOfficeManyCentresPolicy extends RuleSupport {

    OneOfficeManyCentresPolicy() {
        super("NN-3", Pack.NN, Severity.WARN, Coverage.EVALUATED,
                Map.of("centres", "HR,OPERATIONS,MEDICAL,NURSING,LOGISTICS,PHARMACY,EQUIPMENT,INSURANCE,IT,AUDIT"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            Set<String> have = centres(c);
            Set<String> missing = new TreeSet<>();
            for (String need : p.list(this, "centres", c.districtCode())) {
                if (!have.contains(need.toUpperCase(Locale.ROOT))) {
                    missing.add(Texts.code("Centre", need.toUpperCase(Locale.ROOT)));
                }
            }
            if (!c.managementOffice()) {
                missing.add(Texts.term("managementOffice"));
            }
            if (!missing.isEmpty()) {
                findings.add(open(s.subject(c), "centres", Texts.text(c.name(), ": ", missing), args(c.name(), missing)));
            }
        }
        return findings;
    }

    /** The consortium's centres, upper-cased, with FINANCE also counting as OPERATIONS. */
    static Set<String> centres(ConsortiumView c) {
        Set<String> have = new TreeSet<>();
        if (c.centres() != null) {
            c.centres().forEach(x -> {
                if (x != null) {
                    have.add(x.strip().toUpperCase(Locale.ROOT));
                }
            });
        }
        if (have.contains("FINANCE")) {
            have.add("OPERATIONS");
        }
        return have;
    }
}
