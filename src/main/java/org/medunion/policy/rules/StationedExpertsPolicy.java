package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.WorkLogView;

/**
 * SH-9 — a trusteeship has at least {experts} (default 5) experts of different disciplines stationed
 * year-round; each works at least {days} (default 2) days a week on site — measured from the work logs of the
 * last {windowWeeks} (default 8) weeks, or the planned days when there are no logs yet; each stays at least
 * {stayYears} (default 1) year.
 */
final class StationedExpertsPolicy extends RuleSupport {

    StationedExpertsPolicy() {
        super("SH-9", Pack.SH, Severity.WARN, Coverage.EVALUATED,
                Map.of("experts", "5", "days", "2", "stayYears", "1", "windowWeeks", "8"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (!regionalTrusteeship(s, c)) {
                continue;
            }
            String div = c.districtCode();
            int minExperts = p.intValue(this, "experts", div);
            double minDays = p.decimal(this, "days", div);
            int stayYears = p.intValue(this, "stayYears", div);
            int window = p.intValue(this, "windowWeeks", div);
            List<DispatchView> experts = s.activeDispatches(c.id()).stream().filter(d -> d.kind() == DispatchKind.EXPERT).toList();
            Set<String> disciplines = new TreeSet<>();
            experts.forEach(d -> {
                String discipline = d.discipline();
                if (discipline != null && !discipline.isBlank()) {
                    disciplines.add(discipline.strip());
                }
            });
            if (disciplines.size() < minExperts) {
                findings.add(
                        open(s.subject(c), "disciplines", c.name() + ": " + disciplines + " = " + disciplines.size() + " < " + minExperts,
                                args(c.name(), disciplines.size(), minExperts, String.join(", ", disciplines)),
                                experts.stream().map(DispatchView::practitionerId).toList()));
            }
            for (DispatchView d : experts) {
                var pr = s.practitioner(d.practitionerId());
                String name = pr == null ? String.valueOf(d.practitionerId()) : pr.name();
                double weekly = weeklyDays(d, s.workLogs(d.id()), s.today(), window);
                if (weekly < minDays) {
                    findings.add(open(s.dispatchSubject(d, pr), "days", name + ": " + String.format(Locale.ROOT, "%.1f", weekly)
                            + " < " + minDays, args(name, String.format(Locale.ROOT, "%.1f", weekly), minDays), d.practitionerId(),
                            d.id()));
                }
                if (d.endDate() != null && !Terms.lastsAtLeast(d.startDate(), d.endDate(), Period.ofYears(stayYears))) {
                    findings.add(open(s.dispatchSubject(d, pr), "stay", name + ": " + d.startDate() + "…" + d.endDate() + " < " + stayYears,
                            args(name, d.startDate(), d.endDate(), stayYears), d.practitionerId(), d.id()));
                }
            }
        }
        return findings;
    }

    /** Days a week on site: distinct logged days in the window ÷ weeks in it; planned days while there are no logs. */
    static double weeklyDays(DispatchView d, List<WorkLogView> logs, LocalDate today, int windowWeeks) {
        // the window is the last {windowWeeks} weeks ending today, both ends inclusive
        LocalDate windowStart = today.minusWeeks(windowWeeks).plusDays(1);
        LocalDate from = d.startDate().isAfter(windowStart) ? d.startDate() : windowStart;
        LocalDate to = Terms.endedBefore(d.endDate(), today) ? d.endDate() : today;
        Set<LocalDate> days = new HashSet<>();
        for (WorkLogView w : logs) {
            if (Terms.covers(from, to, w.workDate())) {
                days.add(w.workDate());
            }
        }
        long span = ChronoUnit.DAYS.between(from, Terms.dayAfter(to));
        if (logs.isEmpty() || span < 7) {
            return d.weeklyDays();
        }
        return days.size() / (span / 7.0);
    }
}
