package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;

/**
 * NAT-1…NAT-15 — one criterion of the national evaluation standard for tight urban medical groups, assessed
 * per tight group (URBAN_GROUP, tight) from platform data. NOT_MET gives an OPEN finding, NO_DATA a NO_DATA
 * finding; the checklist shows every criterion with its evidence and any manual evidence recorded.
 */
public final class NationalCriterion extends RuleSupport {

    private final String dimension;
    private final BiFunction<RegistrySnapshot, ConsortiumView, Assessment> assessor;

    NationalCriterion(String id, String dimension, Coverage coverage, BiFunction<RegistrySnapshot, ConsortiumView, Assessment> assessor) {
        super(id, Pack.NAT, Severity.WARN, coverage);
        this.dimension = dimension;
        this.assessor = assessor;
    }

    /** 责权协同 / 资源协同 / 业务协同 / 机制协同, as a bundle key suffix (RESPONSIBILITY, RESOURCES, BUSINESS, MECHANISM). */
    public String dimension() {
        return dimension;
    }

    public Assessment assess(RegistrySnapshot s, ConsortiumView group) {
        return assessor.apply(s, group);
    }

    public static boolean tightGroup(ConsortiumView c) {
        return c.active() && c.form() == ConsortiumForm.URBAN_GROUP && c.tight();
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (!c.tight()) {
                continue;
            }
            Assessment a = assess(s, c);
            if (a.status() == CriterionStatus.NOT_MET) {
                findings.add(open(s.subject(c), "notMet", a.evidence(), args(c.name(), a.evidence())));
            } else if (a.status() == CriterionStatus.NO_DATA) {
                findings.add(noData(s.subject(c), "noData", a.evidence()));
            }
        }
        return findings;
    }
}
