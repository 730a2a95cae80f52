package org.medunion.policy.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Title;

/**
 * SH-12 — where a municipal hospital holds a district hospital in trusteeship, the list and qualifications of the
 * managers and experts dispatched there long-term are reported to the owner body and the municipal commission. Long-term
 * is a dispatch of at least {years=2} years, end date inclusive (seed 000: "长期在区级医院工作的派驻人员（不少于2年）"), or
 * one without an end date. The report ({@link #report}) is generated from the dispatch records; a long-term person
 * without title or title date cannot be reported and is a finding.
 */
public final class DispatchQualificationReportPolicy extends RuleSupport {

    /** One line of the SH-12 report: who, from where to where, since when, with which qualification. */
    public record Line(String practitionerId, String name, DispatchKind kind, @Nullable ManagerRole managerRole,
                       @Nullable String discipline,
                       String fromInstitution, String toInstitution, LocalDate startDate, @Nullable LocalDate endDate,
                       @Nullable Title title,
                       @Nullable LocalDate titleDate, boolean complete, long servedDays, boolean servedLongTerm) {
    }

    DispatchQualificationReportPolicy() {
        super("SH-12", Pack.SH, Severity.WARN, Coverage.EVALUATED, Map.of("years", "2", "serviceYears", "2"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            int years = p.intValue(this, "years", c.districtCode());
            for (DispatchView d : longTerm(s, c, years)) {
                var pr = s.practitioner(d.practitionerId());
                if (pr == null || pr.title() == null || pr.titleDate() == null) {
                    String name = pr == null ? String.valueOf(d.practitionerId()) : pr.name();
                    findings.add(open(s.dispatchSubject(d, pr), "qualification",
                            pr == null ? name + ": -" : Texts.text(name, ": ", pr.title(), " ", pr.titleDate()), args(name, years),
                            d.practitionerId(), d.id()));
                }
            }
        }
        return findings;
    }

    /**
     * The active dispatches of managers and experts from a municipal hospital to a district-level institution of a
     * trusteeship, lasting at least {@code years} years (end inclusive) or open-ended.
     */
    static List<DispatchView> longTerm(RegistrySnapshot s, ConsortiumView c, int years) {
        if (!trusteeship(s, c)) {
            return List.of();
        }
        return s.activeDispatches(c.id()).stream().filter(d -> {
            return municipalToDistrict(s, d)
                    && (d.endDate() == null || Terms.lastsAtLeast(d.startDate(), d.endDate(), Period.ofYears(years)));
        }).toList();
    }

    /** The SH-12 report of one consortium on the snapshot's day (empty when it is no trusteeship), with the parameters in force. */
    public List<Line> report(RegistrySnapshot s, ConsortiumView c, Parameters p) {
        int years = p.intValue(this, "years", c.districtCode());
        int serviceYears = p.intValue(this, "serviceYears", c.districtCode());
        return longTerm(s, c, years).stream().map(d -> {
            PractitionerView pr = s.practitioner(d.practitionerId());
            long served = servedDays(s, d.practitionerId());
            return new Line(String.valueOf(d.practitionerId().value()), pr == null ? "-" : pr.name(), d.kind(), d.managerRole(),
                    d.discipline(), s.institutionName(d.fromInstitutionId()), s.institutionName(d.toInstitutionId()), d.startDate(),
                    d.endDate(), pr == null ? null : pr.title(), pr == null ? null : pr.titleDate(),
                    pr != null && pr.title() != null && pr.titleDate() != null, served,
                    served >= ChronoUnit.DAYS.between(s.today().minusYears(serviceYears), s.today()));
        }).sorted(Comparator.comparing(Line::kind).thenComparing(Line::name)).toList();
    }

    /**
     * The days a person has worked at district-level institutions on dispatch from a municipal hospital, up to the
     * snapshot's day, over all their dispatches, overlaps counted once (end dates inclusive). The seed counts this time
     * as primary-care time, and two full years weigh in a senior-title application (seed 000, 推进医学骨干人才队伍培养:
     * "可计入到基层工作时间 … 常驻区域性医疗中心工作满2年"); {@code serviceYears} is that number.
     */
    static long servedDays(RegistrySnapshot s, PractitionerId who) {
        LocalDate day = s.today();
        List<LocalDate[]> periods = s.dispatches().stream().filter(d -> d.practitionerId().equals(who))
                .filter(d -> municipalToDistrict(s, d) && !d.startDate().isAfter(day))
                .map(d -> new LocalDate[] {d.startDate(), d.endDate() == null || d.endDate().isAfter(day) ? day : d.endDate()})
                .sorted(Comparator.comparing((LocalDate[] period) -> period[0])).toList();
        long days = 0;
        LocalDate coveredTo = null;
        for (LocalDate[] period : periods) {
            LocalDate from = coveredTo == null || period[0].isAfter(coveredTo) ? period[0] : coveredTo.plusDays(1);
            if (!from.isAfter(period[1])) {
                days += ChronoUnit.DAYS.between(from, period[1]) + 1;
                coveredTo = period[1];
            }
        }
        return days;
    }

    private static boolean municipalToDistrict(RegistrySnapshot s, DispatchView d) {
        InstitutionView from = s.institution(d.fromInstitutionId());
        InstitutionView to = s.institution(d.toInstitutionId());
        return from != null && from.affiliation() == Affiliation.MUNICIPAL && to != null && to.affiliation() == Affiliation.DISTRICT;
    }
}
