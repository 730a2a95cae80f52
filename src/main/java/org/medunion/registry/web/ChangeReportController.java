package org.medunion.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 医疗联合体建设报告表: read and export only — reports are immutable, so there is no PUT, PATCH or DELETE. */
@RestController
@RequestMapping("/api/registry/change-reports")
@Tag(name = "registry")
class ChangeReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegistryManagement registry;

    ChangeReportController(RegistryManagement registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Change reports (SH-10) in the caller's scope, optionally of one consortium")
    List<ChangeReportView> reports(@RequestParam(required = false) UUID consortium) {
        return registry.changeReports(consortium == null ? null : new ConsortiumId(consortium));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One change report")
    ChangeReportView report(@PathVariable UUID id) {
        return registry.changeReport(id).orElseThrow(() -> new NotFoundException("ChangeReport", id));
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "Change reports as an Excel workbook in the layout of the 医疗联合体建设报告表")
    ResponseEntity<byte[]> export(@RequestParam(required = false) UUID consortium) {
        byte[] xlsx = registry.exportChangeReports(consortium == null ? null : new ConsortiumId(consortium));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("change-reports.xlsx").build().toString())
                .body(xlsx);
    }
}
