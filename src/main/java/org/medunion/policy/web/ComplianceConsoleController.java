package org.medunion.policy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.policy.internal.Checklist;
import org.medunion.policy.internal.ComplianceReport;
import org.medunion.policy.internal.PolicyService;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console page /console/compliance: findings grouped by rule, override form for planners, NAT checklist, Excel export. */
@Controller
@ConsolePage
class ComplianceConsoleController {

    private final PolicyService service;
    private final MessageSource messages;
    private final ComplianceWorkbook workbook;
    private final CurrentUsers users;

    ComplianceConsoleController(PolicyService service, MessageSource messages, ComplianceWorkbook workbook, CurrentUsers users) {
        this.users = users;
        this.service = service;
        this.messages = messages;
        this.workbook = workbook;
    }

    @GetMapping("/console/compliance")
    String page(@RequestParam(required = false) String jurisdiction, @RequestParam(defaultValue = "false") boolean showResolved,
                @RequestParam(required = false) LocalDate asOf, Model model) {
        CurrentUser u = service.caller();
        String code = jurisdiction == null || jurisdiction.isBlank() ? service.defaultJurisdiction(u) : jurisdiction.strip();
        ComplianceReport report;
        if (u.role() == Role.OFFICE) {
            // an office account is scoped to its consortium
            report = service.consortiumReport(Objects.requireNonNull(u.scope().referenceId(), "consortium"), asOf);
        } else {
            report = service.jurisdictionReport(code, asOf);
        }
        model.addAttribute("asOf", report.asOf());
        model.addAttribute("overrideReasons", service.overrideReasons());
        model.addAttribute("report", report);
        model.addAttribute("jurisdiction", code);
        model.addAttribute("showResolved", showResolved);
        model.addAttribute("service", service);
        model.addAttribute("canOverride", service.mayOverride(u));
        model.addAttribute("rules", service.catalogue().rules().stream().filter(r -> !r.defaults().isEmpty()).toList());
        model.addAttribute("parameterOverrides", service.parameterOverrides());
        model.addAttribute("changeOverrides", service.overrides());
        List<Checklist> checklists = service.tightGroups(u.role() == Role.OFFICE ? null : code).stream()
                .map(c -> service.checklist(c.id().value())).toList();
        model.addAttribute("checklists", checklists);
        model.addAttribute("links", service.links());
        return "policy/compliance";
    }

    @GetMapping("/console/compliance/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam String jurisdiction,
                                  @RequestParam(required = false) LocalDate asOf) {
        byte[] bytes = workbook.write(service.jurisdictionReport(jurisdiction, asOf));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"compliance-" + jurisdiction + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }

    /**
     * SH-12's report as a page: the long-term dispatched managers and experts of a trusteeship with their titles, on a
     * day (as of), for the planner to address to the dispatching hospitals' owner bodies; read in the caller's scope.
     */
    @GetMapping("/console/compliance/dispatched-staff/{consortiumId}")
    String dispatchedStaff(@PathVariable UUID consortiumId, @RequestParam(required = false) LocalDate asOf, Model model) {
        model.addAttribute("report", service.dispatchReport(consortiumId, asOf));
        return "policy/dispatched-staff";
    }

    @GetMapping("/console/compliance/dispatched-staff/{consortiumId}/export.xlsx")
    ResponseEntity<byte[]> dispatchedStaffExport(@PathVariable UUID consortiumId, @RequestParam(required = false) LocalDate asOf) {
        var report = service.dispatchReport(consortiumId, asOf);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"SH-12-" + report.asOf() + ".xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(workbook.write(report));
    }

    /** The office re-evaluates its own consortium (planners and admins may too, in their scope). */
    @PostMapping("/console/compliance/consortia/{id}/evaluate")
    String reevaluate(@PathVariable UUID id, RedirectAttributes redirect) {
        var r = service.reevaluateConsortium(id);
        redirect.addFlashAttribute("message", messages.getMessage("policy.page.reevaluated", new Object[] {r.subjectName()},
                LocaleContextHolder.getLocale()));
        return "redirect:/console/compliance";
    }

    @PostMapping("/console/compliance/evaluate")
    String evaluate(@RequestParam(required = false) String jurisdiction, RedirectAttributes redirect) {
        var r = service.evaluateNow();
        redirect.addFlashAttribute("message", messages.getMessage("policy.page.lastEvaluation",
                new Object[] {r.findings(), r.elapsedMs()}, LocaleContextHolder.getLocale()));
        return back(jurisdiction);
    }

    @PostMapping("/console/compliance/overrides")
    String override(@RequestParam String jurisdiction, @RequestParam String ruleAndParameter, @RequestParam String value,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        int colon = ruleAndParameter.indexOf(':');
        try {
            service.overrideParameter(jurisdiction, colon < 0 ? ruleAndParameter : ruleAndParameter.substring(0, colon),
                    colon < 0 ? null : ruleAndParameter.substring(colon + 1), value, reason);
            service.evaluateNow();
            redirect.addFlashAttribute("message", messages.getMessage("policy.page.saved", null, LocaleContextHolder.getLocale()));
        } catch (MedUnionException e) {
            redirect.addFlashAttribute("error", error(e));
        }
        return back(jurisdiction);
    }

    @PostMapping("/console/compliance/checklist/{consortiumId}")
    String manual(@PathVariable String consortiumId, @RequestParam String criterion, @RequestParam(required = false) String text,
                  @RequestParam(required = false) String jurisdiction, RedirectAttributes redirect) {
        try {
            service.recordManualEvidence(UUID.fromString(consortiumId), criterion, text);
            redirect.addFlashAttribute("message", messages.getMessage("policy.page.saved", null, LocaleContextHolder.getLocale()));
        } catch (MedUnionException e) {
            redirect.addFlashAttribute("error", error(e));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", consortiumId);
        }
        return back(jurisdiction);
    }

    /**
     * A domain error on this page or its export (bad jurisdiction 400, out of scope or wrong role 403): the console's
     * error page with the status, never a 500.
     */
    @ExceptionHandler(MedUnionException.class)
    String domainError(MedUnionException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("detail", error(e));
        model.addAttribute("me", users.current().orElse(null));
        return "error";
    }

    private String error(MedUnionException e) {
        Object[] args = new Object[e.arguments().size() + 1];
        args[0] = e.field() == null ? "" : e.field();
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        return Objects.requireNonNullElse(messages.getMessage("error." + e.code(), args, e.code(), LocaleContextHolder.getLocale()),
                e.code());
    }

    private static String back(String jurisdiction) {
        return "redirect:/console/compliance" + (jurisdiction == null || jurisdiction.isBlank() ? "" : "?jurisdiction=" + jurisdiction);
    }
}
