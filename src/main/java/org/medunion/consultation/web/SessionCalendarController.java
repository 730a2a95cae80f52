package org.medunion.consultation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationSeries;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;
import org.medunion.consultation.SessionView;
import org.medunion.identity.Role;
import org.medunion.referral.EmergencyZone;
import org.medunion.referral.ReferralManagement;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console calendar of joint clinics, remote rounds and nursing-home patrols (issue 14): a week (or a month) of
 * the sessions the caller sees under the series rules, filtered by host site and kind; the series form for the office
 * and the clinicians of the two sides; a session's page where the two sides record it held (attendance, the residents
 * seen) or cancel it. The service's refusals come back next to the field they name.
 */
@Controller
@ConsolePage
class SessionCalendarController {

    private static final String CALENDAR = "/console/consultations/calendar";
    private static final int MONTH_WEEKS = 6;

    private final ConsultationSeries series;
    private final RegistryManagement registry;
    private final ResidentsManagement residents;
    private final ConsoleSupport support;
    private final ReferralManagement referrals;
    private final Clock clock;

    SessionCalendarController(ConsultationSeries series, RegistryManagement registry, ResidentsManagement residents,
                              ConsoleSupport support, ReferralManagement referrals, Clock clock) {
        this.series = series;
        this.registry = registry;
        this.residents = residents;
        this.support = support;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** The days shown with their sessions, the filters and the links to the previous and next period. */
    @GetMapping(CALENDAR)
    String calendar(@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String view,
                    @RequestParam(required = false) @Nullable UUID host, @RequestParam(required = false) @Nullable String kind,
                    Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate anchor = parseDay(day, today);
        boolean month = "month".equals(view);
        LocalDate from;
        LocalDate to;
        if (month) {
            from = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusWeeks(MONTH_WEEKS).minusDays(1);
        } else {
            from = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusDays(6);
        }
        SessionKind chosenKind = kind == null || kind.isBlank() ? null : FormValues.enumValue(SessionKind.class, "kind", kind);
        List<SessionView> all = series.calendar(from, to);
        Map<UUID, String> hosts = new LinkedHashMap<>();
        all.forEach(s -> hosts.putIfAbsent(s.hostInstitutionId(), Objects.requireNonNullElse(s.hostName(), "—")));
        List<SessionView> shown = all.stream().filter(s -> host == null || s.hostInstitutionId().equals(host))
                .filter(s -> chosenKind == null || s.kind() == chosenKind).toList();
        var days = new ArrayList<Day>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate at = d;
            days.add(new Day(d, d.equals(today), !month || d.getMonth() == anchor.getMonth(),
                    shown.stream().filter(s -> s.startsAt().atZone(clock.getZone()).toLocalDate().equals(at)).toList()));
        }
        model.addAttribute("days", days);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("month", month);
        model.addAttribute("anchor", anchor);
        model.addAttribute("prev", month ? anchor.withDayOfMonth(1).minusMonths(1) : from.minusWeeks(1));
        model.addAttribute("next", month ? anchor.withDayOfMonth(1).plusMonths(1) : from.plusWeeks(1));
        model.addAttribute("today", today);
        model.addAttribute("hosts", hosts);
        model.addAttribute("host", host);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("kind", chosenKind);
        model.addAttribute("count", shown.size());
        model.addAttribute("time", DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()));
        model.addAttribute("mayCreate", mayCreate());
        return "consultation/calendar";
    }

    @GetMapping("/console/consultations/series/new")
    String seriesForm(Model model) {
        support.requireRole(Role.OFFICE, Role.GP, Role.SPECIALIST, Role.ADMIN);
        LocalDate today = LocalDate.now(clock);
        var v = new LinkedFormValues(new LinkedMultiValueMap<>()).with("firstDay", today.toString())
                .with("lastDay", today.plusMonths(3).toString()).with("weekday", String.valueOf(today.getDayOfWeek().getValue()))
                .with("startTime", "09:00").with("durationMinutes", "180").with("recurrence", SessionRecurrence.WEEKLY.name());
        seriesChoices(model, v);
        return "consultation/series-new";
    }

    @PostMapping("/console/consultations/series/new")
    String createSeries(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        support.requireRole(Role.OFFICE, Role.GP, Role.SPECIALIST, Role.ADMIN);
        var v = new LinkedFormValues(params);
        try {
            var created = series.create(new CreateSeries(FormValues.enumValue(SessionKind.class, "kind", v.get("kind")),
                    v.get("title"), FormValues.uuidOrNull(v.get("hostInstitutionId")),
                    FormValues.uuidOrNull(v.get("visitingInstitutionId")), v.get("department"), null,
                    FormValues.enumValue(SessionRecurrence.class, "recurrence", v.get("recurrence")),
                    FormValues.integer("weekday", v.get("weekday")), time(v.get("startTime")),
                    FormValues.integer("durationMinutes", v.get("durationMinutes")), FormValues.date("firstDay", v.get("firstDay")),
                    FormValues.date("lastDay", v.get("lastDay"))));
            return "redirect:" + CALENDAR + "?day=" + created.firstDay() + "&saved";
        } catch (MedUnionException e) {
            if (e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            seriesChoices(model, v);
            return "consultation/series-new";
        }
    }

    @GetMapping("/console/consultations/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        var s = series.session(id);
        model.addAttribute("s", s);
        model.addAttribute("time", DateTimeFormatter.ofPattern("HH:mm").withZone(clock.getZone()));
        model.addAttribute("started", !s.startsAt().isAfter(clock.instant()));
        model.addAttribute("staff", s.mayRecord() ? staff(s) : List.of());
        model.addAttribute("found", List.of());
        model.addAttribute("day", s.startsAt().atZone(clock.getZone()).toLocalDate());
        return "consultation/session";
    }

    /** Residents by name for the record form; the service refuses any the host does not care for. */
    @GetMapping("/console/consultations/sessions/{id}/residents")
    String sessionResidents(@PathVariable UUID id, @RequestParam(required = false) @Nullable String q, Model model) {
        // only inside a session the caller may record: anyone else learns nothing, not even that the session exists
        boolean mayRecord = series.session(id).mayRecord();
        String text = FormValues.blankToNull(q);
        List<ResidentView> found = text == null || !mayRecord ? List.of() : residents.search(ResidentSearch.typed(text, 20));
        model.addAttribute("found", found);
        return "consultation/session :: residents";
    }

    @PostMapping("/console/consultations/sessions/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
               Model model, HttpServletResponse response) {
        var v = new LinkedFormValues(params);
        try {
            switch (action) {
                case "record" -> series.record(id, new RecordSession(ids(v.all("attendeeId")), ids(v.all("residentId")),
                        v.get("note")));
                case "cancel" -> series.cancel(id, new ConsultationNote(v.get("text")));
                default -> {
                    return "redirect:/console/consultations/sessions/" + id;
                }
            }
            return "redirect:/console/consultations/sessions/" + id + "?done=" + action;
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            return session(id, model);
        }
    }

    private boolean mayCreate() {
        Role role = support.me().role();
        return role == Role.OFFICE || role == Role.GP || role == Role.SPECIALIST || role == Role.ADMIN;
    }

    /** The institutions of the caller's consortia (the office's own; a clinician's institution's), by name. */
    private void seriesChoices(Model model, LinkedFormValues v) {
        model.addAttribute("v", v);
        model.addAttribute("kinds", SessionKind.values());
        model.addAttribute("recurrences", SessionRecurrence.values());
        var me = support.me();
        LocalDate today = LocalDate.now(clock);
        var ids = new ArrayList<InstitutionId>();
        UUID ref = me.scope().reference() == null ? null : me.scope().referenceId();
        if (ref != null && me.role() == Role.OFFICE) {
            registry.consortium(new ConsortiumId(ref)).ifPresent(c -> c.activeMembers(today).stream()
                    .map(MembershipView::institutionId).filter(i -> !ids.contains(i)).forEach(ids::add));
        } else if (ref != null) {
            ids.add(new InstitutionId(ref));
            registry.activeConsortiaOf(new InstitutionId(ref)).forEach(c -> c.activeMembers(today).stream()
                    .map(MembershipView::institutionId).filter(i -> !ids.contains(i)).forEach(ids::add));
        }
        Map<UUID, String> sites = new LinkedHashMap<>();
        registry.institutionNames(ids).forEach((k, name) -> sites.put(k.value(), name));
        model.addAttribute("sites", sites);
        model.addAttribute("zoneHomes", me.role() == Role.OFFICE || ref == null ? List.of() : zoneHomes(ref, ids));
    }

    /** A nursing home of an emergency zone offered as a series' site, with its zone and the zone's backing hospital. */
    record ZoneHome(UUID id, String name, String zone, String backingHospital) {
    }

    /**
     * CN-3: the nursing homes of the emergency zones that a hospital of the caller's consortia (or the caller's own)
     * backs, when not already among the sites — a community centre patrols them and the backing hospital rounds there
     * whether or not they are members of the consortium. The office plans only its members' series (decision 0253);
     * a nursing home of a zone (the caller's own institution mapped to one) visits no other.
     */
    private List<ZoneHome> zoneHomes(UUID caller, List<InstitutionId> sites) {
        var mine = sites.stream().map(InstitutionId::value).toList();
        var all = referrals.emergencyZones();
        if (all.stream().anyMatch(z -> z.memberIds().contains(caller))) {
            return List.of();
        }
        var zones = all.stream().filter(z -> mine.contains(z.backingHospitalId())).toList();
        var wanted = new ArrayList<InstitutionId>();
        zones.forEach(z -> {
            wanted.add(new InstitutionId(z.backingHospitalId()));
            z.memberIds().stream().filter(m -> !mine.contains(m)).map(InstitutionId::new).forEach(wanted::add);
        });
        var names = registry.institutionNames(wanted);
        var out = new ArrayList<ZoneHome>();
        for (EmergencyZone z : zones) {
            String backing = names.getOrDefault(new InstitutionId(z.backingHospitalId()), "");
            z.memberIds().stream().filter(m -> !mine.contains(m)).forEach(m -> {
                String name = names.get(new InstitutionId(m));
                if (name != null) {
                    out.add(new ZoneHome(m, name, z.zone(), backing));
                }
            });
        }
        return out;
    }

    /** The practitioners of the two institutions, for the attendance boxes. */
    private List<PractitionerView> staff(SessionView s) {
        var out = new ArrayList<PractitionerView>();
        for (UUID inst : List.of(s.hostInstitutionId(), s.visitingInstitutionId())) {
            try {
                out.addAll(registry.practitioners(new InstitutionId(inst)));
            } catch (MedUnionException e) {
                // the other side's staff list outside the caller's registry scope: not offered
            }
        }
        return out;
    }

    private static List<UUID> ids(List<String> values) {
        var out = new ArrayList<UUID>();
        for (String s : values) {
            UUID id = FormValues.uuidOrNull(s);
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    private static @Nullable LocalTime time(@Nullable String value) {
        String t = FormValues.blankToNull(value);
        if (t == null) {
            return null;
        }
        try {
            return LocalTime.parse(t);
        } catch (RuntimeException e) {
            throw new InvalidInputException("startTime", "request.invalidField", t, "HH:mm");
        }
    }

    private static LocalDate parseDay(@Nullable String value, LocalDate today) {
        String t = FormValues.blankToNull(value);
        if (t == null) {
            return today;
        }
        try {
            return LocalDate.parse(t);
        } catch (RuntimeException e) {
            return today;
        }
    }

    /** One day of the calendar: whether it is today, whether it belongs to the month shown, and its sessions. */
    record Day(LocalDate date, boolean today, boolean inPeriod, List<SessionView> sessions) {
    }
}
