package org.medunion.diagnostics.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.web.ConsolePage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The office's centre dashboard (/console/diagnostics/centres, issue 15): per shared centre the month's orders, reports
 * within turnaround and the median, what is open and overdue now and its QC passes; the members' use of the centres;
 * the members' recognition decisions with the reasons for re-examining and the cost avoided. Planners pick a consortium
 * of their jurisdiction; the office sees its own.
 */
@Controller
@ConsolePage
class CentreBoardConsole {

    private final DiagnosticsManagement diagnostics;
    private final ConsoleSupport support;
    private final Clock clock;

    CentreBoardConsole(DiagnosticsManagement diagnostics, ConsoleSupport support, Clock clock) {
        this.diagnostics = diagnostics;
        this.support = support;
        this.clock = clock;
    }

    @GetMapping("/console/diagnostics/centres")
    String board(@RequestParam(required = false) @Nullable String consortium, @RequestParam(required = false) @Nullable String month,
                 Model model) {
        support.requireRole(Role.OFFICE, Role.PLANNER, Role.ADMIN);
        List<ConsortiumView> choices = diagnostics.boardConsortia();
        YearMonth m = month(month);
        UUID chosen = chosen(consortium, choices);
        model.addAttribute("choices", choices);
        model.addAttribute("month", m.toString());
        model.addAttribute("chosen", chosen == null ? "" : chosen.toString());
        model.addAttribute("board", chosen == null ? null : diagnostics.centreBoard(chosen, m));
        model.addAttribute("reasons", List.of(ReexaminationReason.values()));
        return "diagnostics/centres";
    }

    /** The month asked for, else this one; a malformed one falls back to this month rather than failing the page. */
    private YearMonth month(@Nullable String month) {
        if (month != null && !month.isBlank()) {
            try {
                return YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                return YearMonth.now(clock);
            }
        }
        return YearMonth.now(clock);
    }

    /** The consortium asked for if the caller may see it (else the service refuses), or the first one offered. */
    private static @Nullable UUID chosen(@Nullable String consortium, List<ConsortiumView> choices) {
        if (consortium != null && !consortium.isBlank()) {
            try {
                return UUID.fromString(consortium.strip());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return choices.isEmpty() ? null : choices.get(0).id().value();
    }
}
