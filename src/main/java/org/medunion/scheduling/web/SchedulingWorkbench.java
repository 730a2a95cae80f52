package org.medunion.scheduling.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.ReleaseRatioView.Ratio;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.web.console.ConsoleSupport;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Scheduling's card on the planner's (and administrator's) workbench: the release figures of this month over the
 * lead hospitals of the active consortia in scope — I-8 (reserved ÷ published, outpatient and beds) and I-9
 * (reserved slots booked by primary care ÷ reserved) — as a bar chart (data attributes, drawn by console.js) and
 * their numerators and denominators, linking to the indicator pages.
 */
@Component
class SchedulingWorkbench implements WorkbenchFigures {

    private final SchedulingManagement scheduling;
    private final RegistryManagement registry;
    private final Clock clock;
    private final ConsoleSupport support;

    SchedulingWorkbench(SchedulingManagement scheduling, RegistryManagement registry, Clock clock, ConsoleSupport support) {
        this.scheduling = scheduling;
        this.registry = registry;
        this.clock = clock;
        this.support = support;
    }

    /** One figure: its label key, the summed fraction and its value in per cent (0 when there is no data). */
    record ReleaseFigure(String label, long numerator, long denominator, double percent) {

        static ReleaseFigure of(String label, List<Ratio> ratios) {
            long n = ratios.stream().mapToLong(Ratio::numerator).sum();
            long d = ratios.stream().mapToLong(Ratio::denominator).sum();
            return new ReleaseFigure(label, n, d, d == 0 ? 0 : Math.round(1000.0 * n / d) / 10.0);
        }
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.PLANNER && me.role() != Role.ADMIN) {
            return;
        }
        LocalDate from = LocalDate.now(clock).withDayOfMonth(1);
        LocalDate to = from.plusMonths(1);
        List<InstitutionId> leads = registry.consortia().stream().filter(ConsortiumView::active)
                .map(ConsortiumView::lead).flatMap(Optional::stream).distinct().toList();
        List<ReleaseRatioView> ratios = leads.stream().map(h -> scheduling.releaseRatios(h, from, to)).toList();
        List<ReleaseFigure> figures = List.of(
                ReleaseFigure.of("scheduling.ratios.outpatient", ratios.stream().map(ReleaseRatioView::outpatient).toList()),
                ReleaseFigure.of("scheduling.ratios.beds", ratios.stream().map(ReleaseRatioView::beds).toList()),
                ReleaseFigure.of("scheduling.ratios.reservedUse", ratios.stream().map(ReleaseRatioView::reservedUse).toList()));
        model.addAttribute("releaseFigures", figures);
        model.addAttribute("releaseLabels", figures.stream().map(f -> support.text(f.label())).collect(Collectors.joining("|")));
        model.addAttribute("releaseValues", figures.stream().map(f -> String.valueOf(f.percent())).collect(Collectors.joining(",")));
        model.addAttribute("releaseHospitals", leads.size());
        model.addAttribute("releaseFrom", from);
        model.addAttribute("releaseReleased", ratios.stream().mapToLong(ReleaseRatioView::released).sum());
    }
}
