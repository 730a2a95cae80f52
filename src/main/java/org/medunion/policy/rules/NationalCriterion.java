package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;

/**
 * NAT-1…NAT-15 — one criterion of the national evaluation standard for tight urban medical groups, assessed
 * per tight group (URBAN_GROUP, tight) from platform data. NOT_MET gives an OPEN finding, NO_DATA a NO_DATA
 * finding; the checklist shows every criterion with its evidence and any manual evidence recorded.
 */
public final class NationalCriterion extends RuleSupport {

    /** An assessment that reads the criterion's own parameters (NAT-8's release shares), overrides honoured. */
    @FunctionalInterface
    interface Assessor {

        Assessment assess(RegistrySnapshot s, ConsortiumView group, Parameters p, NationalCriterion self);
    }

    private final String dimension;
    private final Assessor assessor;

    NationalCriterion(String id, String dimension, Coverage coverage, BiFunction<RegistrySnapshot, ConsortiumView, Assessment> assessor) {
        this(id, dimension, coverage, Map.of(), (s, c, p, self) -> assessor.apply(s, c));
    }

    NationalCriterion(String id, String dimension, Coverage coverage, Map<String, String> defaults, Assessor assessor) {
        super(id, Pack.NAT, Severity.WARN, coverage, defaults);
        this.dimension = dimension;
        this.assessor = assessor;
    }

    /** 责权协同 / 资源协同 / 业务协同 / 机制协同, as a bundle key suffix (RESPONSIBILITY, RESOURCES, BUSINESS, MECHANISM). */
    public String dimension() {
        return dimension;
    }

    /** With the seed defaults of the criterion's parameters. */
    public Assessment assess(RegistrySnapshot s, ConsortiumView group) {
        return assess(s, group, Parameters.defaults());
    }

    /** With the parameters in force ({@code p}: defaults and the newest override of the group's jurisdiction). */
    public Assessment assess(RegistrySnapshot s, ConsortiumView group, Parameters p) {
        return assessor.assess(s, group, p, this);
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
            Assessment a = assess(s, c, p);
            if (a.status() == CriterionStatus.NOT_MET) {
                findings.add(open(s.subject(c), "notMet", a.evidence(), args(c.name(), a.evidence())));
            } else if (a.status() == CriterionStatus.NO_DATA) {
                findings.add(noData(s.subject(c), "noData", a.evidence()));
            }
        }
        return findings;
    }
}
