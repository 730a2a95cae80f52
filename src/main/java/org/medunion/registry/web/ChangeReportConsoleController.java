package org.medunion.registry.web;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.ListPage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Change reports (医疗联合体建设报告表, SH-10): list by consortium, detail, and the Excel export with the session's rights. */
@Controller
@ConsolePage
class ChangeReportConsoleController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegistryManagement registry;
    private final RegistryConsoleSupport registrySupport;

    ChangeReportConsoleController(RegistryManagement registry, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.registrySupport = registrySupport;
    }

    @GetMapping("/console/change-reports")
    String list(@RequestParam(required = false) String consortium, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ConsortiumId filter = consortium == null || consortium.isBlank() ? null : ConsortiumConsoleController.parse(consortium);
        model.addAttribute("result", ListPage.of(registry.changeReports(filter).stream()
                .sorted(Comparator.comparing(ChangeReportView::reportedAt).reversed()).toList(), page));
        model.addAttribute("consortia", registry.consortia().stream()
                .sorted(Comparator.comparing(ConsortiumView::name)).toList());
        model.addAttribute("consortium", filter == null ? null : filter.toString());
        return htmx != null ? "change-reports :: results" : "change-reports";
    }

    @GetMapping("/console/change-reports/{id}")
    String detail(@PathVariable UUID id, Model model) {
        ChangeReportView report = registry.changeReport(id).orElseThrow(() -> new NotFoundException("ChangeReport", id));
        model.addAttribute("r", report);
        model.addAttribute("reporter", report.reportingInstitution() == null ? "—"
                : registrySupport.names(List.of(report.reportingInstitution())).get(report.reportingInstitution()));
        return "change-report";
    }

    @GetMapping("/console/change-reports/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String consortium) {
        ConsortiumId filter = consortium == null || consortium.isBlank() ? null : ConsortiumConsoleController.parse(consortium);
        byte[] workbook = registry.exportChangeReports(filter);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("change-reports.xlsx").build().toString())
                .body(workbook);
    }
}
