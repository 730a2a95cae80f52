package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;

/**
 * TM-6 — the inviting side has at least {physicians} licensed physician present during a live session (consultation.md
 * B4, national wording unverified: a WARN with the number as a parameter). Read from the participants the consultation
 * module records when a live session is held (decision 0255). Each inviting institution with a held session below the
 * number gets a finding naming the consultations; a district where no live session was held has nothing to judge
 * (NO_DATA, never a pass); so does every jurisdiction without the consultation module.
 */
final class InvitingPhysicianPolicy extends RuleSupport {

    InvitingPhysicianPolicy() {
        super("TM-6", Pack.TM, Severity.WARN, Coverage.EVALUATED, Map.of("physicians", "1"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.consultations().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("source.TM-6", "consultation: session participants"));
        }
        ConsultationEvidenceSource.ConsultationEvidence evidence = s.consultations().get().evidence(s.today());
        List<Finding> findings = new ArrayList<>();
        Set<String> judged = new HashSet<>();
        evidence.liveSessionsByInviter().forEach((inviter, sessions) -> {
            InstitutionView site = s.institution(new InstitutionId(inviter));
            if (site == null || sessions.isEmpty()) {
                return;
            }
            judged.add(site.districtCode());
            int physicians = p.intValue(this, "physicians", site.districtCode());
            Set<String> below = new TreeSet<>();
            sessions.stream().filter(x -> x.invitingPhysicians() < physicians)
                    .forEach(x -> below.add(x.consultationNumber()));
            if (!below.isEmpty()) {
                String list = String.join("、", below);
                findings.add(open(s.subject(site, null), "absent", Texts.text(site.name(), ": ", list),
                        args(site.name(), below.size(), list, physicians), inviter));
            }
        });
        Set<String> districts = new TreeSet<>();
        s.jurisdictionsApplying(pack()).forEach(j -> districts.addAll(s.districtsUnder(j)));
        for (String d : districts) {
            if (!judged.contains(d)) {
                findings.add(noData(s.districtSubject(d), "noData", Texts.text(d, " ", s.districtName(d), ": ",
                        Texts.term("source.TM-6.none", "no live session held"))));
            }
        }
        return findings;
    }
}
