package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.policy.ReferralEvidenceSource;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;

/**
 * TM-15 — a nursing home's consultation requests go to the backing hospital of its emergency zone first (CN-3: "建立区级
 * 救治专家组，对东、中、西三个片区的护理院提供线上线下会诊和指导治疗"). A request may still invite another institution; the
 * consultation module records the departure with it. Each zone member that requested consultations and went past its
 * zone's hospital gets a finding naming those consultations; a district with zones whose members requested nothing, or
 * without zones, has nothing to judge (NO_DATA, never a pass); so does every jurisdiction without the referral
 * (routing tables) or consultation module.
 */
final class ZoneRoutingPolicy extends RuleSupport {

    ZoneRoutingPolicy() {
        super("TM-15", Pack.TM, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.consultations().isEmpty() || s.referrals().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("source.TM-15", "consultation: zone routing"));
        }
        ConsultationEvidenceSource.ConsultationEvidence evidence = s.consultations().get().evidence(s.today());
        List<Finding> findings = new ArrayList<>();
        Set<String> judged = new HashSet<>();
        for (ReferralEvidenceSource.Zone zone : s.referrals().get().zones()) {
            for (var member : zone.members()) {
                var requests = evidence.requestsByInviter().get(member);
                InstitutionView home = s.institution(new InstitutionId(member));
                if (requests == null || requests.requested() == 0 || home == null) {
                    continue;
                }
                judged.add(zone.districtCode());
                if (!requests.pastZoneHospital().isEmpty()) {
                    String list = String.join("、", requests.pastZoneHospital());
                    String backing = s.institutionName(new InstitutionId(zone.backingHospitalId()));
                    findings.add(open(s.subject(home, null), "departed", Texts.text(home.name(), ": ", list),
                            args(home.name(), requests.pastZoneHospital().size(), list, backing), member,
                            zone.backingHospitalId()));
                }
            }
        }
        Set<String> districts = new TreeSet<>();
        s.jurisdictionsApplying(pack()).forEach(j -> districts.addAll(s.districtsUnder(j)));
        for (String d : districts) {
            if (!judged.contains(d)) {
                findings.add(noData(s.districtSubject(d), "noData", Texts.text(d, " ", s.districtName(d), ": ",
                        Texts.term("source.TM-15.none", "no consultation requested by a nursing home of an emergency zone"))));
            }
        }
        return findings;
    }
}
