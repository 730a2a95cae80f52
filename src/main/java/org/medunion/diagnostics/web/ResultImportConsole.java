package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ResultImport;
import org.medunion.identity.Role;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.UploadedTable;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Result import for a member's lab and clinical staff (/console/diagnostics/import, decision 0231): a CSV or .xlsx
 * export of the LIS, one row per value, with a template to fill in and the columns explained. The reports of the
 * caller's institution are written and the page comes back with the figures and any rejected rows; a file of which
 * nothing could be written comes back as 400 with every rejected row, ID numbers masked.
 */
@Controller
@ConsolePage
class ResultImportConsole {

    static final Role[] IMPORTERS = {Role.CENTRE_STAFF, Role.GP, Role.SPECIALIST};

    private final DiagnosticsManagement diagnostics;
    private final ConsoleSupport support;
    private final ResultFiles files;

    ResultImportConsole(DiagnosticsManagement diagnostics, ConsoleSupport support, ResultFiles files) {
        this.diagnostics = diagnostics;
        this.support = support;
        this.files = files;
    }

    @ModelAttribute("maxUploadBytes")
    int maxUploadBytes() {
        return UploadedTable.MAX_BYTES;
    }

    @ModelAttribute("columns")
    List<String> columns() {
        return ResultImport.COLUMNS;
    }

    @GetMapping("/console/diagnostics/import")
    String page() {
        support.requireRole(IMPORTERS);
        return "diagnostics/import";
    }

    @PostMapping("/console/diagnostics/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
                  RedirectAttributes flash)
            throws IOException {
        support.requireRole(IMPORTERS);
        try {
            var table = files.read(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            ResultImport result = diagnostics.importResults(null, table);
            if (result.accepted()) {
                flash.addFlashAttribute("imported", files.answer(result));
                return "redirect:/console/diagnostics/import";
            }
            model.addAttribute("refused", files.answer(result));
        } catch (MedUnionException e) {
            if (e.status() == 403) {
                throw e;
            }
            model.addAttribute("importErrors", support.feedback(e));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "diagnostics/import";
    }

    /** An empty file with the columns in the reader's language, to fill in Excel. */
    @GetMapping("/console/diagnostics/import/template.csv")
    ResponseEntity<byte[]> template() {
        support.requireRole(IMPORTERS);
        return CsvExport.of("result-import-template.csv", files.header(), List.of());
    }
}
