package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.MembershipRole;

/**
 * NN-2 — a group is lead hospital + members inside its grids + collaborators outside; maternal-child,
 * public-health, rehab, nursing and hospice providers may serve across grids. A LEAD or MEMBER located outside
 * the group's grids (and not of an exempt category) should be a COLLABORATOR.
 */
final class GroupMemberRolesPolicy extends RuleSupport {

    static final Set<InstitutionCategory> CROSS_GRID = EnumSet.of(InstitutionCategory.MATERNAL_CHILD, InstitutionCategory.PUBLIC_HEALTH,
            InstitutionCategory.REHAB, InstitutionCategory.NURSING_HOME, InstitutionCategory.HOSPICE);

    GroupMemberRolesPolicy() {
        super("NN-2", Pack.NN, Severity.INFO, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (var c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (s.lead(c).isEmpty()) {
                findings.add(open(s.subject(c), "lead", c.name(), args(c.name())));
            }
            if (c.gridIds() == null || c.gridIds().isEmpty()) {
                continue;
            }
            Set<String> districts = new HashSet<>();
            c.gridIds().forEach(g -> {
                var grid = s.grid(g);
                if (grid != null) {
                    districts.add(grid.districtCode());
                }
            });
            for (var m : s.activeMembers(c)) {
                var i = s.institution(m.institutionId());
                if (i == null || m.role() == MembershipRole.COLLABORATOR || CROSS_GRID.contains(i.category())) {
                    continue;
                }
                boolean inside = (i.gridId() != null && c.gridIds().contains(i.gridId())) || districts.contains(i.districtCode());
                if (!inside) {
                    findings.add(
                            open(s.subject(c), "outside@" + i.id(),
                                    Texts.text(c.name(), ": ", i.name(), " ", i.districtCode(), " ", m.role()),
                                    args(c.name(), i.name(), m.role()), i.id()));
                }
            }
        }
        return findings;
    }
}
