package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.medunion.registry.DistrictView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;

/**
 * CQ-2 — every district/county has at least {min} (default 1) consortium; every tertiary public hospital leads
 * or joins one; (2020) every secondary-and-above public hospital and every government-run primary institution is
 * in one. A consortium counts for the district it is registered in and the districts of its members.
 */
final class ConsortiumCoveragePolicy extends RuleSupport {

    ConsortiumCoveragePolicy() {
        super("CQ-2", Pack.CQ, Severity.WARN, Coverage.EVALUATED, Map.of("min", "1"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        Map<String, Integer> perDistrict = new HashMap<>();
        for (var c : s.activeConsortia()) {
            var districts = new HashSet<String>();
            if (c.districtCode() != null) {
                districts.add(c.districtCode());
            }
            s.activeMembers(c).forEach(m -> {
                var i = s.institution(m.institutionId());
                if (i != null && i.districtCode() != null) {
                    districts.add(i.districtCode());
                }
            });
            districts.forEach(d -> perDistrict.merge(d, 1, Integer::sum));
        }
        List<Finding> findings = new ArrayList<>();
        for (DistrictView d : s.districts()) {
            if (d.parentCode() == null) {
                continue;
            }
            int min = p.intValue(this, "min", d.code());
            int n = perDistrict.getOrDefault(d.code(), 0);
            if (n < min) {
                findings.add(open(s.districtSubject(d.code()), "district", d.code() + " " + d.name() + ": " + n + " < " + min,
                        args(d.name(), n, min)));
            }
        }
        for (InstitutionView i : s.institutions()) {
            if (i.ownership() != Ownership.PUBLIC || !s.memberships(i.id()).isEmpty() || i.parentId() != null) {
                continue;
            }
            String aspect = i.level() == HospitalLevel.TERTIARY ? "tertiary"
                    : i.level() == HospitalLevel.SECONDARY ? "secondary" : i.isPrimary() ? "primary" : null;
            if (aspect != null) {
                findings.add(open(s.subject(i, null), aspect, Texts.text(i.name(), " (", i.level(), "): 0"), args(i.name()), i.id()));
            }
        }
        // seed 001: "三级公立医院要全部参与医联体建设并发挥引领作用" — a tertiary public hospital that only joins does not lead
        for (InstitutionView i : s.institutions()) {
            if (i.ownership() == Ownership.PUBLIC && i.level() == HospitalLevel.TERTIARY && i.parentId() == null
                    && !s.memberships(i.id()).isEmpty()
                    && s.memberships(i.id()).stream().noneMatch(m -> m.role() == MembershipRole.LEAD)) {
                findings.add(open(s.subject(i, null), "tertiaryLead", Texts.text(i.name(), ": ", MembershipRole.LEAD, " = 0"),
                        args(i.name()), i.id()));
            }
        }
        return findings;
    }
}
