package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.StudyPeriodView;

/**
 * SH-14 — GPs and paediatricians at primary institutions study at a higher hospital for {minMonths}–{maxMonths}
 * (default 1–3) months every {everyYears} (default 2) years: a study period that ended within the last 2 years
 * and lasted at least 1 and at most 3 months.
 */
final class StudyPeriodPolicy extends RuleSupport {

    StudyPeriodPolicy() {
        super("SH-14", Pack.SH, Severity.WARN, Coverage.EVALUATED, Map.of("everyYears", "2", "minMonths", "1", "maxMonths", "3"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (PractitionerView pr : s.practitioners()) {
            if (!(pr.generalPractitioner() || pr.paediatrician()) || pr.profession() != Profession.PHYSICIAN) {
                continue;
            }
            InstitutionView at = s.institution(pr.institutionId());
            if (at == null || !at.isPrimary()) {
                continue;
            }
            String div = at.districtCode();
            int every = p.intValue(this, "everyYears", div);
            int min = p.intValue(this, "minMonths", div);
            int max = p.intValue(this, "maxMonths", div);
            List<StudyPeriodView> periods = s.studyPeriods(pr.id());
            if (periods.stream().noneMatch(sp -> counts(sp, s.today(), every, min, max))) {
                String last = periods.stream().max(Comparator.comparing(StudyPeriodView::startDate))
                        .map(sp -> sp.startDate() + "…" + sp.endDate()).orElse("-");
                findings.add(open(s.practitionerSubject(pr), "study", pr.name() + " @ " + at.name() + ": " + last,
                        args(pr.name(), at.name(), last, every, min, max), pr.id(), at.id()));
            }
        }
        return findings;
    }

    static boolean counts(StudyPeriodView sp, LocalDate today, int everyYears, int minMonths, int maxMonths) {
        // still running, or ended before the last {everyYears} years (inclusive window ending today)
        if (sp.startDate() == null || sp.endDate() == null || sp.endDate().isAfter(today)
                || !Terms.covers(today.minusYears(everyYears), today, sp.endDate())) {
            return false;
        }
        return Terms.lastsAtLeast(sp.startDate(), sp.endDate(), Period.ofMonths(minMonths))
                && Terms.lastsAtMost(sp.startDate(), sp.endDate(), Period.ofMonths(maxMonths));
    }
}
