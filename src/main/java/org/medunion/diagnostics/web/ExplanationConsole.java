package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExplanationMedium;
import org.medunion.diagnostics.ExplanationView;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.identity.Role;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient explanation in the console (NAT-R-8): the clinician's to-do of explanations not yet given, one
 * explanation with its text and the "given to the patient" button (printed / verbal / app message), and a printable
 * page the patient takes home (print styles in console.css, the print button bound in console.js: no inline script).
 */
@Controller
@ConsolePage
class ExplanationConsole {

    static final int TODO = 100;

    private final DiagnosticsManagement diagnostics;
    private final ResidentsManagement residents;
    private final ConsoleSupport support;
    private final MessageSource messages;

    ExplanationConsole(DiagnosticsManagement diagnostics, ResidentsManagement residents, ConsoleSupport support,
                       MessageSource messages) {
        this.diagnostics = diagnostics;
        this.residents = residents;
        this.support = support;
        this.messages = messages;
    }

    @GetMapping("/console/diagnostics/explanations")
    String todo(Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        List<ExplanationView> pending = diagnostics.pendingExplanations(TODO);
        model.addAttribute("pending", pending);
        model.addAttribute("names", names(pending));
        return "diagnostics/explanations";
    }

    @GetMapping("/console/diagnostics/explanations/{id}")
    String explanation(@PathVariable UUID id, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        return show(id, model, "diagnostics/explanation");
    }

    @GetMapping("/console/diagnostics/explanations/{id}/print")
    String print(@PathVariable UUID id, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        // the sheet is the patient's: its labels in Chinese like the text, whatever the clinician's console language
        Map<String, String> sheet = new HashMap<>();
        for (String key : List.of("title", "patient", "item", "date", "signatures")) {
            sheet.put(key, messages.getMessage("diagnostics.explanation.sheet." + key, null, Locale.SIMPLIFIED_CHINESE));
        }
        model.addAttribute("sheet", sheet);
        return show(id, model, "diagnostics/explanation-print");
    }

    @PostMapping("/console/diagnostics/explanations/{id}/given")
    String given(@PathVariable UUID id, @RequestParam(required = false) @Nullable String medium, Model model,
                 HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        try {
            diagnostics.recordExplanationGiven(id, new RecordExplanation(medium));
            return "redirect:/console/diagnostics/explanations/" + id + "?given";
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            return show(id, model, "diagnostics/explanation");
        }
    }

    private String show(UUID id, Model model, String view) {
        var e = diagnostics.explanation(id);
        model.addAttribute("e", e);
        model.addAttribute("names", names(List.of(e)));
        model.addAttribute("institution",
                support.institutionNames(List.of(e.orderingInstitutionId())).getOrDefault(e.orderingInstitutionId(), ""));
        model.addAttribute("media", ExplanationMedium.values());
        return view;
    }

    private Map<UUID, String> names(List<ExplanationView> list) {
        Map<UUID, String> out = new HashMap<>();
        list.forEach(e -> out.computeIfAbsent(e.residentId(), r -> residents.resident(new ResidentId(r))
                .map(v -> v.name() + " " + v.residentIdNumberMasked()).orElse("—")));
        return out;
    }
}
