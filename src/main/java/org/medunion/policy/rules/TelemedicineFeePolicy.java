package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;

/**
 * TM-13 — "实行远程医疗收费" (consultation.md B5: items and prices as the two institutions' agreement states): every
 * consultation that closed under an agreement whose fee for its type was above zero carries its price item. Read from
 * the consultation module's {@link ConsultationEvidenceSource}, up to the as-of day. A consortium whose fee-bearing
 * consultations all carry their price item passes; one with a consultation closed without it gets a finding naming
 * those consultations ({@code uncharged}). Each district (of a jurisdiction applying pack TM) where no consortium based
 * there had such a consultation gets NO_DATA ({@code noData}), never a pass; so does every jurisdiction when the
 * consultation module does not run.
 */
final class TelemedicineFeePolicy extends RuleSupport {

    TelemedicineFeePolicy() {
        super("TM-13", Pack.TM, Severity.WARN, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.consultations().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("source.TM-13", "consultation: fees"));
        }
        ConsultationEvidenceSource.ConsultationEvidence evidence = s.consultations().get().evidence(s.today());
        Map<ConsortiumId, List<UUID>> agreements = new LinkedHashMap<>();
        Map<ConsortiumId, Set<String>> uncharged = new LinkedHashMap<>();
        evidence.feesByAgreement().forEach((id, fees) -> {
            AgreementView a = s.agreement(id).orElse(null);
            if (a == null || fees.due() == 0) {
                return;
            }
            agreements.computeIfAbsent(a.consortiumId(), k -> new ArrayList<>()).add(id);
            uncharged.computeIfAbsent(a.consortiumId(), k -> new TreeSet<>()).addAll(fees.uncharged());
        });
        List<Finding> findings = new ArrayList<>();
        Set<String> evaluatedDivisions = new HashSet<>();
        for (var e : agreements.entrySet()) {
            ConsortiumView c = s.consortium(e.getKey());
            if (c == null) {
                continue;
            }
            evaluatedDivisions.add(c.districtCode());
            Set<String> numbers = uncharged.getOrDefault(e.getKey(), Set.of());
            if (!numbers.isEmpty()) {
                String list = String.join("、", numbers);
                findings.add(open(s.subject(c), "uncharged", Texts.text(c.name(), ": ", list),
                        args(c.name(), numbers.size(), list), c.id(), e.getValue()));
            }
        }
        // per district: one where no consultation closed under a fee-bearing agreement has nothing to judge
        Set<String> districts = new TreeSet<>();
        s.jurisdictionsApplying(pack()).forEach(j -> districts.addAll(s.districtsUnder(j)));
        for (String d : districts) {
            if (!evaluatedDivisions.contains(d)) {
                findings.add(noData(s.districtSubject(d), "noData",
                        Texts.text(d, " ", s.districtName(d), ": ",
                                Texts.term("source.TM-13.none", "no consultation closed under a fee-bearing agreement"))));
            }
        }
        return findings;
    }
}
