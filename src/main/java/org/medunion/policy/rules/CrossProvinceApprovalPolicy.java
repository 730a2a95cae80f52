package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.shared.DivisionCode;

/**
 * SH-11 — a cross-province consortium is reported after the owner's approval: approval recorded on or before
 * establishment. Cross-province is derived from the division codes of the consortium and its active members' institutions
 * (more than one province, {@link DivisionCode#provinceOf}); the registry's hand-set {@code crossProvince} flag is not
 * read, so a consortium that gains a member from another province becomes cross-province with that membership.
 */
final class CrossProvinceApprovalPolicy extends RuleSupport {

    CrossProvinceApprovalPolicy() {
        super("SH-11", Pack.SH, Severity.BLOCK, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            Set<String> provinces = provinces(s, c);
            if (provinces.size() < 2) {
                continue;
            }
            if (c.ownerApprovedOn() == null || (c.establishedOn() != null && c.ownerApprovedOn().isAfter(c.establishedOn()))) {
                findings.add(open(s.subject(c), "approval",
                        Texts.text(c.name(), " ", provinces, ": ", c.ownerApprovedOn(), " / ", c.establishedOn()),
                        args(c.name(), c.ownerApprovedOn() == null ? "-" : c.ownerApprovedOn(), c.establishedOn())));
            }
        }
        return findings;
    }

    /** Province codes of the consortium's district and of its active members' institutions. */
    static Set<String> provinces(RegistrySnapshot s, ConsortiumView c) {
        Set<String> provinces = new TreeSet<>();
        if (c.districtCode() != null && c.districtCode().length() >= 2) {
            provinces.add(DivisionCode.provinceOf(c.districtCode()));
        }
        for (var m : s.activeMembers(c)) {
            InstitutionView i = s.institution(m.institutionId());
            if (i != null && i.districtCode() != null && i.districtCode().length() >= 2) {
                provinces.add(DivisionCode.provinceOf(i.districtCode()));
            }
        }
        return provinces;
    }
}
