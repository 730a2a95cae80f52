package org.medunion.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.EncounterImports;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.UploadedTable;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 上传就诊数据 (/console/indicators/encounter-imports, issue 17, decision 0267): an institution's staff or the integrator
 * uploads a CSV or .xlsx encounter file, which becomes an import job; the page shows the published columns and the
 * caller's jobs, whose figures htmx refreshes every two seconds while one of them runs (a fragment, no script of our
 * own). A job's page lists its rejected rows once it has ended.
 */
@Controller
@ConsolePage
@RequestMapping(EncounterImportConsole.PAGE)
class EncounterImportConsole {

    static final String PAGE = "/console/indicators/encounter-imports";
    /** Who may submit encounters: an institution's own staff and the integrator (EncounterIngest's rule). */
    static final Role[] UPLOADERS = {Role.GP, Role.SPECIALIST, Role.PHARMACIST, Role.CENTRE_STAFF, Role.INTEGRATOR};

    private final EncounterImports imports;
    private final ConsoleSupport support;

    EncounterImportConsole(EncounterImports imports, ConsoleSupport support) {
        this.imports = imports;
        this.support = support;
    }

    /** A published column: its name, whether every file must have it. */
    record Column(String name, boolean required) {
    }

    @ModelAttribute("columns")
    List<Column> columns() {
        return EncounterImports.COLUMNS.stream().map(c -> new Column(c, EncounterImports.REQUIRED.contains(c))).toList();
    }

    @ModelAttribute("maxUploadBytes")
    int maxUploadBytes() {
        return EncounterImports.MAX_UPLOAD_BYTES;
    }

    @GetMapping
    String page(Model model) {
        support.requireRole(UPLOADERS);
        jobs(model);
        return "indicators/encounter-imports";
    }

    /** The job list htmx polls every two seconds while a job waits or runs; once all have ended it polls no more. */
    @GetMapping("/jobs")
    String jobList(Model model) {
        support.requireRole(UPLOADERS);
        jobs(model);
        return "indicators/encounter-imports :: jobs";
    }

    private void jobs(Model model) {
        List<EncounterImportView> jobs = imports.mine();
        model.addAttribute("jobs", jobs);
        model.addAttribute("polling", jobs.stream().anyMatch(j -> !j.ended()));
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, Model model) {
        support.requireRole(UPLOADERS);
        model.addAttribute("job", imports.job(id));
        return "indicators/encounter-import";
    }

    /** The job's figures, polled every two seconds while it waits or runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        support.requireRole(UPLOADERS);
        model.addAttribute("job", imports.job(id));
        return "indicators/encounter-import :: progress";
    }

    @PostMapping
    String upload(@RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        support.requireRole(UPLOADERS);
        try {
            String name = file == null ? null : file.getOriginalFilename();
            var table = UploadedTable.read(name, file == null ? null : file.getBytes(), EncounterImports.MAX_UPLOAD_BYTES);
            return "redirect:" + PAGE + "/" + imports.start(name, table).id();
        } catch (MedUnionException e) { // a file naming a foreign institution too: the page says which
            response.setStatus(e.status());
            model.addAttribute("importErrors", support.feedback(e));
            model.addAttribute("importProblem", support.message(e));
        }
        return page(model);
    }
}
