package org.medunion.registry.web;

import static org.medunion.shared.web.FormValues.blankToNull;
import static org.medunion.shared.web.FormValues.date;
import static org.medunion.shared.web.FormValues.decimal;
import static org.medunion.shared.web.FormValues.enumValue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.LogWork;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.FormFeedback;
import org.medunion.shared.web.ListPage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Dispatched managers and experts per consortium, their work logs, and the office's form to log a day's work. */
@Controller
@ConsolePage
class DispatchConsoleController {

    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final RegistryConsoleSupport registrySupport;
    private final Clock clock;

    DispatchConsoleController(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport,
                              Clock clock) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
        this.clock = clock;
    }

    @GetMapping("/console/dispatches")
    String list(@RequestParam(required = false) String consortium, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "false") boolean current, @RequestParam(defaultValue = "0") int page, Model model) {
        List<ConsortiumView> consortia = registry.consortia().stream().sorted(Comparator.comparing(ConsortiumView::name)).toList();
        List<DispatchView> found = filter(consortia, consortium, kind, current);
        ListPage<DispatchView> result = ListPage.of(found, page);
        model.addAttribute("result", result);
        model.addAttribute("consortia", consortia);
        model.addAttribute("consortiumNames", consortia.stream().collect(Collectors.toMap(c -> c.id(), ConsortiumView::name)));
        model.addAttribute("kinds", DispatchKind.values());
        model.addAttribute("consortium", consortium == null ? "" : consortium);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("current", current);
        model.addAttribute("names", registrySupport.names(institutions(result.items())));
        model.addAttribute("people", people(registry, result.items()));
        model.addAttribute("canLog", canLog());
        return "dispatches";
    }

    /** The list as shown (same filters), every page, as CSV: names, not IDs. */
    @GetMapping("/console/dispatches/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String consortium, @RequestParam(required = false) String kind,
                                  @RequestParam(defaultValue = "false") boolean current) {
        List<ConsortiumView> consortia = registry.consortia();
        Map<ConsortiumId, String> cn = consortia.stream().collect(Collectors.toMap(c -> c.id(), ConsortiumView::name));
        List<DispatchView> found = filter(consortia, consortium, kind, current);
        Map<InstitutionId, String> names = registrySupport.names(institutions(found));
        Map<PractitionerId, String> people = people(registry, found);
        List<List<String>> rows = found.stream().map(d -> List.of(cn.getOrDefault(d.consortiumId(), ""),
                people.get(d.practitionerId()), support.text("enum.DispatchKind." + d.kind())
                        + (d.managerRole() == null ? "" : " · " + support.text("enum.ManagerRole." + d.managerRole())),
                names.get(d.fromInstitutionId()), names.get(d.toInstitutionId()), d.discipline() == null ? "" : d.discipline(),
                String.valueOf(d.startDate()), d.endDate() == null ? "" : String.valueOf(d.endDate()),
                String.valueOf(d.weeklyDays()))).toList();
        return CsvExport.of("dispatches.csv", List.of(support.text("nav.consortia"), support.text("disp.person"),
                support.text("disp.kind"), support.text("disp.from"), support.text("disp.to"), support.text("disp.discipline"),
                support.text("disp.start"), support.text("disp.end"), support.text("disp.weeklyDays")), rows);
    }

    /** Dispatches of the consortia (or the one chosen), newest first; only those still running if asked. */
    private List<DispatchView> filter(List<ConsortiumView> consortia, String consortium, String kind, boolean current) {
        DispatchKind k = enumValue(DispatchKind.class, "kind", kind);
        String only = blankToNull(consortium);
        LocalDate today = LocalDate.now(clock);
        return consortia.stream().filter(c -> only == null || c.id().toString().equals(only))
                .flatMap(c -> registry.dispatches(c.id()).stream())
                .filter(d -> k == null || d.kind() == k)
                .filter(d -> !current || d.endDate() == null || !d.endDate().isBefore(today))
                .sorted(Comparator.comparing(DispatchView::startDate).reversed())
                .toList();
    }

    private static List<InstitutionId> institutions(List<DispatchView> dispatches) {
        List<InstitutionId> ids = new ArrayList<>();
        dispatches.forEach(d -> {
            ids.add(d.fromInstitutionId());
            ids.add(d.toInstitutionId());
        });
        return ids;
    }

    /** The work logs of one dispatch (an htmx fragment under its row), with the log form for the office. */
    @GetMapping("/console/dispatches/{id}/work-logs")
    String workLogs(@PathVariable UUID id, Model model) {
        model.addAttribute("dispatchId", id);
        model.addAttribute("logs", registry.workLogs(id).stream()
                .sorted(Comparator.comparing(l -> l.workDate(), Comparator.reverseOrder())).toList());
        model.addAttribute("canLog", canLog());
        model.addAttribute("errors", new FormFeedback());
        return "dispatch-logs :: logs";
    }

    @PostMapping("/console/dispatches/{id}/work-logs")
    String logWork(@PathVariable UUID id, @RequestParam(required = false) String workDate,
                   @RequestParam(required = false) String hours, @RequestParam(required = false) String note, Model model) {
        FormFeedback errors = new FormFeedback();
        try {
            registry.logWork(id, new LogWork(date("workDate", workDate), decimal("hours", hours), blankToNull(note)));
        } catch (MedUnionException e) {
            errors = support.feedback(e);
            model.addAttribute("workDate", workDate);
            model.addAttribute("hours", hours);
            model.addAttribute("note", note);
        }
        model.addAttribute("dispatchId", id);
        model.addAttribute("logs", registry.workLogs(id).stream()
                .sorted(Comparator.comparing(l -> l.workDate(), Comparator.reverseOrder())).toList());
        model.addAttribute("canLog", canLog());
        model.addAttribute("errors", errors);
        return "dispatch-logs :: logs";
    }

    private boolean canLog() {
        Role role = support.me().role();
        return role == Role.OFFICE || role == Role.ADMIN;
    }

    /** Names of dispatched people (practitioners); unknown ones show a short ID. */
    static Map<PractitionerId, String> people(RegistryManagement registry, Collection<DispatchView> dispatches) {
        Map<PractitionerId, String> names = new HashMap<>();
        for (DispatchView d : dispatches) {
            names.computeIfAbsent(d.practitionerId(), p -> {
                try {
                    return registry.practitioner(p).map(v -> v.name()).orElse(p.toString().substring(0, 8));
                } catch (MedUnionException e) {
                    return p.toString().substring(0, 8);
                }
            });
        }
        return names;
    }
}
