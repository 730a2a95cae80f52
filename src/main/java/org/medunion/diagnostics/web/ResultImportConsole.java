package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ResultImport;
import org.medunion.identity.Role;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Result import for a member's lab and clinical staff (/console/diagnostics/import, decisions 0231, 0238): a CSV or
 * .xlsx export of the LIS, one row per value, with a template to fill in and the columns explained. A file of up to
 * {@value ResultImport#JOB_ROWS} rows is imported at once and the page comes back with the figures and any rejected
 * rows; a file of which nothing could be written comes back as 400 with every rejected row, ID numbers masked. A larger
 * file becomes an import job: the job's page shows a progress bar that htmx refreshes every second (a fragment, no
 * script of our own) and the rejected rows when it has ended. The import page lists the institution's recent jobs.
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
        return ResultImport.MAX_UPLOAD_BYTES;
    }

    @ModelAttribute("columns")
    List<String> columns() {
        return ResultImport.COLUMNS;
    }

    @GetMapping("/console/diagnostics/import")
    String page(Model model) {
        support.requireRole(IMPORTERS);
        model.addAttribute("jobs", diagnostics.recentImports().stream().map(files::answer).toList());
        return "diagnostics/import";
    }

    @GetMapping("/console/diagnostics/import/jobs/{job}")
    String job(@PathVariable UUID job, Model model) {
        support.requireRole(IMPORTERS);
        model.addAttribute("job", files.answer(diagnostics.importJob(new ImportJobId(job))));
        return "diagnostics/import-job";
    }

    /** The progress fragment htmx polls every second while the job runs; once it has ended it polls no more. */
    @GetMapping("/console/diagnostics/import/jobs/{job}/progress")
    String progress(@PathVariable UUID job, Model model) {
        support.requireRole(IMPORTERS);
        model.addAttribute("job", files.answer(diagnostics.importJob(new ImportJobId(job))));
        return "diagnostics/import-job :: progress";
    }

    @PostMapping("/console/diagnostics/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
                  RedirectAttributes flash)
            throws IOException {
        support.requireRole(IMPORTERS);
        int status = HttpServletResponse.SC_BAD_REQUEST;
        try {
            String name = file == null ? null : file.getOriginalFilename();
            var table = files.read(name, file == null ? null : file.getBytes());
            if (ResultFiles.large(table)) {
                return "redirect:/console/diagnostics/import/jobs/" + diagnostics.startImport(null, name, table).id().value();
            }
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
            status = e.status();
            model.addAttribute("importErrors", support.feedback(e));
            if (!"file".equals(e.field())) {
                model.addAttribute("importProblem", support.message(e));
            }
        }
        response.setStatus(status);
        return page(model);
    }

    /** An empty file with the columns in the reader's language, to fill in Excel. */
    @GetMapping("/console/diagnostics/import/template.csv")
    ResponseEntity<byte[]> template() {
        support.requireRole(IMPORTERS);
        return CsvExport.of("result-import-template.csv", files.header(), List.of());
    }
}
