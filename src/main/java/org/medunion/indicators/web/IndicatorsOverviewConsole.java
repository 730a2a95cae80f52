package org.medunion.indicators.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.Level;
import org.medunion.indicators.web.SubjectChoices.Choice;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console page /console/indicators/overview: every subject the user may see — the planner's districts or consortia, the
 * office's consortium, a lead hospital's consortium and itself — one row each, with the indicators that carry a target
 * or head the seeds' lists, coloured met / missed against the jurisdiction's pack, each cell leading to the subject's
 * dashboard; the subjects missing most targets first. Where a planner sees which consortium misses a target before opening it.
 */
@Controller
@org.medunion.shared.web.ConsolePage
class IndicatorsOverviewConsole {

    /** The columns: the care-seeking order (I-1..I-3, I-11, I-12: CQ-8, CQ-9), NN-9's hospital targets, slots, recognition and the RX targets. */
    static final List<Indicator> COLUMNS = List.of(Indicator.I_1, Indicator.I_2, Indicator.I_3, Indicator.I_11, Indicator.I_12,
            Indicator.I_4, Indicator.I_5,
            Indicator.I_6, Indicator.I_8, Indicator.I_10, Indicator.I_13, Indicator.I_20, Indicator.I_23, Indicator.I_26,
            Indicator.I_28, Indicator.I_29);

    private final IndicatorsManagement indicators;
    private final SubjectChoices subjects;
    private final ConsoleSupport console;
    private final Clock clock;

    IndicatorsOverviewConsole(IndicatorsManagement indicators, SubjectChoices subjects, ConsoleSupport console, Clock clock) {
        this.indicators = indicators;
        this.subjects = subjects;
        this.console = console;
        this.clock = clock;
    }

    /** One subject's row: its values in column order and how many applicable targets it misses. */
    record Row(Choice subject, List<IndicatorValue> values, long missed) {
    }

    @GetMapping("/console/indicators/overview")
    String overview(@RequestParam(required = false) @Nullable String level, @RequestParam(required = false) @Nullable String period,
                    Model model) {
        console.requireRole(Role.PLANNER, Role.OFFICE, Role.SPECIALIST, Role.ADMIN);
        String month = period == null || period.isBlank() ? YearMonth.now(clock).minusMonths(1).toString() : period;
        List<Choice> all = subjects.of(console.me());
        boolean hasDistricts = all.stream().anyMatch(c -> c.level() == Level.DISTRICT);
        Level shown = level != null && level.equals(Level.CONSORTIUM.name()) || !hasDistricts ? null : Level.DISTRICT;
        List<Row> rows = all.stream().filter(c -> shown == null ? c.level() != Level.DISTRICT : c.level() == shown)
                .map(c -> row(c, month)).sorted(Comparator.comparingLong(Row::missed).reversed()).toList();
        model.addAttribute("period", month);
        model.addAttribute("level", shown == null ? Level.CONSORTIUM.name() : shown.name());
        model.addAttribute("hasDistricts", hasDistricts);
        model.addAttribute("columns", COLUMNS.stream().map(Indicator::id).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("missedRows", rows.stream().filter(r -> r.missed() > 0).count());
        return "indicators/overview";
    }

    private Row row(Choice c, String month) {
        List<IndicatorValue> values = COLUMNS.stream().map(i -> indicators.value(i, c.level(), c.subject(), month)).toList();
        long missed = values.stream().filter(v -> v.target() != null && v.target().applies() && Boolean.FALSE.equals(v.target().met()))
                .count();
        return new Row(c, values, missed);
    }
}
