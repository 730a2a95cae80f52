package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.medunion.registry.ConsortiumForm;

/**
 * NN-8 — "医疗集团内建立统一的药品采购目录": every current member of each urban medical group links its drug catalogue to
 * the consortium formulary, at least RX-14's share of its items mapped. One finding per member short of it (none on
 * the platform, or too few mapped), from the pharmacy module's evidence; NO_DATA without the pharmacy module.
 */
final class FormularyLinkagePolicy extends RuleSupport {

    FormularyLinkagePolicy() {
        super("NN-8", Pack.NN, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.pharmacy().isEmpty()) {
            return noDataPerConsortium(s, ConsortiumForm.URBAN_GROUP, Texts.term("source.NN-8", "pharmacy: formulary"));
        }
        var e = s.pharmacy().get();
        List<Finding> findings = new ArrayList<>();
        for (var group : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            for (var gap : FormularyLinkage.gaps(s, group, e, p)) {
                var member = gap.member();
                findings.add(gap.catalogue() == null
                        ? open(s.subject(member, group.id()), "unlinked@" + member.id().value(), gap.evidence(),
                                args(member.name(), group.name()), member.id(), group.id())
                        : open(s.subject(member, group.id()), "coverage@" + member.id().value(), gap.evidence(),
                                args(member.name(), group.name(), FormularyLinkage.percent(gap.catalogue().coverage()),
                                        FormularyLinkage.percent(gap.minCoverage())),
                                member.id(), group.id()));
            }
        }
        return findings;
    }
}
