package org.medunion.registry.web;

import static org.medunion.shared.web.FormValues.blankToNull;
import static org.medunion.shared.web.FormValues.date;
import static org.medunion.shared.web.FormValues.decimal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.LogWork;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormFeedback;
import org.medunion.web.console.ConsoleSupport;
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

    DispatchConsoleController(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
    }

    @GetMapping("/console/dispatches")
    String list(Model model) {
        Map<ConsortiumView, List<DispatchView>> byConsortium = new LinkedHashMap<>();
        List<InstitutionId> ids = new ArrayList<>();
        List<DispatchView> all = new ArrayList<>();
        for (ConsortiumView c : registry.consortia().stream().sorted(Comparator.comparing(ConsortiumView::name)).toList()) {
            List<DispatchView> ds = registry.dispatches(c.id()).stream()
                    .sorted(Comparator.comparing(DispatchView::startDate).reversed()).toList();
            if (!ds.isEmpty()) {
                byConsortium.put(c, ds);
                all.addAll(ds);
                ds.forEach(d -> {
                    ids.add(d.fromInstitutionId());
                    ids.add(d.toInstitutionId());
                });
            }
        }
        model.addAttribute("byConsortium", byConsortium);
        model.addAttribute("names", registrySupport.names(ids));
        model.addAttribute("people", people(registry, all));
        model.addAttribute("canLog", canLog());
        return "dispatches";
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
