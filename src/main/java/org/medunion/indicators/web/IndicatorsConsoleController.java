package org.medunion.indicators.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.indicators.ConsultationRecord;
import org.medunion.indicators.DecisionRecord;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.EncounterRow;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.Level;
import org.medunion.indicators.OrderRecord;
import org.medunion.indicators.PrescriptionRecord;
import org.medunion.indicators.ReferralRecord;
import org.medunion.indicators.SessionRecord;
import org.medunion.indicators.SlotRecord;
import org.medunion.indicators.web.SubjectChoices.Choice;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console page /console/indicators: the planner's districts and consortia, the office's consortium, the lead
 * hospital's own consortium and itself — a table of I-1, I-4..I-7 with numerator / denominator, NN-9 target and
 * met / missed, a monthly trend chart, and each value linking to the encounters behind it.
 */
@Controller
@org.medunion.shared.web.ConsolePage
@RequestMapping("/console/indicators")
class IndicatorsConsoleController {

    private final IndicatorsManagement indicators;
    private final SubjectChoices subjects;
    private final ConsoleSupport console;
    private final Clock clock;

    IndicatorsConsoleController(IndicatorsManagement indicators, SubjectChoices subjects, ConsoleSupport console, Clock clock) {
        this.indicators = indicators;
        this.subjects = subjects;
        this.console = console;
        this.clock = clock;
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A drill-down row with its local time. */
    record Line(EncounterRow row, String at) {
    }

    @GetMapping
    String page(@RequestParam(required = false) @Nullable String subject, @RequestParam(required = false) @Nullable String period,
                @RequestParam(defaultValue = "I-5") String trend, Model model) {
        CurrentUser me = console.me();
        console.requireRole(Role.PLANNER, Role.OFFICE, Role.SPECIALIST, Role.ADMIN);
        List<Choice> choices = subjects.of(me);
        model.addAttribute("choices", choices);
        String month = period == null || period.isBlank() ? YearMonth.now(clock).minusMonths(1).toString() : period;
        model.addAttribute("period", month);
        Choice chosen = choices.stream().filter(c -> c.key().equals(subject)).findFirst()
                .orElse(choices.isEmpty() ? null : choices.get(0));
        model.addAttribute("chosen", chosen);
        Indicator trendIndicator = IndicatorsController.indicator(trend);
        model.addAttribute("trendIndicator", trendIndicator.id());
        model.addAttribute("indicatorIds", Arrays.stream(Indicator.values()).map(Indicator::id).toList());
        model.addAttribute("withoutSource", Arrays.stream(Indicator.values()).filter(Indicator::withoutSource).map(Indicator::id).toList());
        model.addAttribute("drillable", Arrays.stream(Indicator.values()).filter(Indicator::fromEncounters).map(Indicator::id).toList());
        model.addAttribute("withRecords",
                Arrays.stream(Indicator.values()).filter(Indicator::hasRecordList).map(Indicator::id).toList());
        if (chosen != null) {
            List<IndicatorValue> values = indicators.values(chosen.level(), chosen.subject(), month);
            model.addAttribute("values", values);
            int year = month.length() >= 4 ? Integer.parseInt(month.substring(0, 4)) : LocalDate.now(clock).getYear();
            List<IndicatorValue> points = indicators.trend(trendIndicator, chosen.level(), chosen.subject(), Year.of(year));
            model.addAttribute("trendLabels", points.stream().map(IndicatorValue::period).collect(Collectors.joining("|")));
            model.addAttribute("trendValues", points.stream().map(v -> v.value() == null ? "NaN" : v.value().toPlainString())
                    .collect(Collectors.joining(",")));
        }
        return "indicators/dashboard";
    }

    /** Where a consortium's or district's value comes from: the same indicator for each of its institutions. */
    @GetMapping("/members")
    String members(@RequestParam String indicator, @RequestParam String level, @RequestParam String subject,
                   @RequestParam String period, Model model) {
        var v = header(indicator, level, subject, period, model);
        model.addAttribute("rows", indicators.members(v.indicator(), v.level(), subject, period));
        return "indicators/members";
    }

    @GetMapping("/encounters")
    String encounters(@RequestParam String indicator, @RequestParam String level, @RequestParam String subject,
                      @RequestParam String period, Model model) {
        var v = header(indicator, level, subject, period, model);
        model.addAttribute("rows", indicators.encounters(v.indicator(), v.level(), subject, period, 200).stream()
                .map(r -> new Line(r, local(r.occurredAt()))).toList());
        return "indicators/encounters";
    }

    /** The records behind a value another module counts: referrals, decisions, orders, slots, listed or catalogue items… */
    @GetMapping("/records")
    String records(@RequestParam String indicator, @RequestParam String level, @RequestParam String subject,
                   @RequestParam String period, Model model) {
        var v = header(indicator, level, subject, period, model);
        DrillDown d = indicators.records(v.indicator(), v.level(), subject, period, 200);
        model.addAttribute("records", d);
        model.addAttribute("referrals", d.referrals().stream().map(r -> new ReferralLine(r, local(r.referral().submittedAt()),
                local(r.referral().acceptedAt()), local(r.referral().completedAt()))).toList());
        model.addAttribute("decisions", d.decisions().stream().map(r -> new DecisionLine(r, local(r.decision().decidedAt())))
                .toList());
        model.addAttribute("orders", d.orders().stream().map(r -> new OrderLine(r, local(r.order().orderedAt()),
                local(r.order().dueAt()), local(r.order().reportedAt()))).toList());
        model.addAttribute("prescriptions", d.prescriptions().stream()
                .map(r -> new PrescriptionLine(r, local(r.prescription().submittedAt()))).toList());
        model.addAttribute("consultations", d.consultations().stream().map(r -> new ConsultationLine(r,
                local(r.consultation().requestedAt()), local(r.consultation().acceptedAt()),
                local(r.consultation().opinionSignedAt()), local(r.consultation().closedAt()))).toList());
        model.addAttribute("sessions", d.sessions().stream().map(r -> new SessionLine(r, local(r.session().at()))).toList());
        model.addAttribute("slots", d.slots().stream().map(r -> new SlotLine(r, local(r.slot().startAt()))).toList());
        model.addAttribute("contracts", d.contracts());
        model.addAttribute("listedItems", d.listedItems());
        model.addAttribute("catalogueItems", d.catalogueItems());
        return "indicators/records";
    }

    /** The indicator and level a drill-down page is about, for the roles that see values; the value heads the page. */
    private Chosen header(String indicator, String level, String subject, String period, Model model) {
        console.requireRole(Role.PLANNER, Role.OFFICE, Role.SPECIALIST, Role.ADMIN);
        Indicator i = IndicatorsController.indicator(indicator);
        Level l = IndicatorsController.level(level);
        model.addAttribute("value", indicators.value(i, l, subject, period));
        return new Chosen(i, l);
    }

    private record Chosen(Indicator indicator, Level level) {
    }

    /** A referral row with its times in Asia/Shanghai, blank when the step has not happened. */
    record ReferralLine(ReferralRecord record, String submitted, String accepted, String completed) {
    }

    /** A recognition decision with its local time. */
    record DecisionLine(DecisionRecord record, String decided) {
    }

    /** A prescription with its local submission time. */
    record PrescriptionLine(PrescriptionRecord record, String submitted) {
    }

    /** A centre order with its local times. */
    record OrderLine(OrderRecord record, String ordered, String due, String reported) {
    }

    /** A consultation with its local times, blank when the step has not happened. */
    record ConsultationLine(ConsultationRecord record, String requested, String accepted, String signed, String closed) {
    }

    /** A published slot with its local start time. */
    record SlotLine(SlotRecord record, String at) {
    }

    /** A joint clinic or remote round with its local time. */
    record SessionLine(SessionRecord record, String at) {
    }

    private static String local(@Nullable Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(SHANGHAI));
    }
}
