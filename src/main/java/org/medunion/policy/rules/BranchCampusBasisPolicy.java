package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipBasis;

/**
 * SH-5 — outside its home district a municipal hospital's regional relation needs a basis: a branch campus in
 * the district, a planned campus there, or a long-standing counterpart-support relation. A BRANCH_CAMPUS or
 * PLANNED_CAMPUS basis must match a campus recorded in that district.
 */
final class BranchCampusBasisPolicy extends RuleSupport {

    BranchCampusBasisPolicy() {
        super("SH-5", Pack.SH, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeRegionalRole()) {
            for (var m : s.activeMembers(c)) {
                InstitutionView member = s.institution(m.institutionId());
                if (member == null) {
                    continue;
                }
                InstitutionView i = s.main(member);
                if (i == null || i.affiliation() != Affiliation.MUNICIPAL || c.districtCode() == null
                        || c.districtCode().equals(i.districtCode())) {
                    continue;
                }
                // a branch campus registered as an institution in the district is itself the campus basis
                boolean branchThere = member != i && c.districtCode().equals(member.districtCode());
                if (!branchThere && !hasBasis(i, m.basis(), c.districtCode())) {
                    findings.add(open(s.subject(i, c.id()), "basis@" + c.id(),
                            Texts.text(i.name(), " → ", c.districtCode(), " ", s.districtName(c.districtCode()), ": ", Texts.term("basis"),
                                    " = ", m.basis()),
                            args(i.name(), s.districtName(c.districtCode()), m.basis()), i.id(), c.id()));
                }
            }
        }
        return findings;
    }

    static boolean hasBasis(InstitutionView i, @Nullable MembershipBasis basis, String district) {
        if (basis == null) {
            return false;
        }
        var campuses = i.campuses() == null ? List.<InstitutionView.Campus>of() : i.campuses();
        return switch (basis) {
            case COUNTERPART_SUPPORT -> true;
            case BRANCH_CAMPUS -> campuses.stream().anyMatch(k -> district.equals(k.districtCode()) && !k.planned());
            case PLANNED_CAMPUS -> campuses.stream().anyMatch(k -> district.equals(k.districtCode()));
            default -> false;
        };
    }
}
