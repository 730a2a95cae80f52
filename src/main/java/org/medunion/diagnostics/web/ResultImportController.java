package org.medunion.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ResultImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Lab values imported from a member's LIS export (decisions 0231, 0238): one row per observation, the rows of a member
 * report number one report. A file of up to {@value ResultImport#JOB_ROWS} rows is imported in the request: 200 with the
 * figures when anything was written or was already there (rejected rows listed), 422 when every report was refused
 * (nothing written). A larger one becomes an import job: 202 with the job and its Location, to poll. A file that cannot
 * be read, or a large one with a missing column or too many rows, is a 400 naming the problem, nothing stored.
 */
@RestController
@RequestMapping("/api/diagnostics/results/import")
@Tag(name = "Diagnostics")
class ResultImportController {

    private final DiagnosticsManagement diagnostics;
    private final ResultFiles files;

    ResultImportController(DiagnosticsManagement diagnostics, ResultFiles files) {
        this.diagnostics = diagnostics;
        this.files = files;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import lab values from CSV (report_number, id_number, item_code, result_date, status, observation_code, "
            + "observation_name, value, unit, reference_range, critical, conclusion); the caller's institution is the performer. "
            + "More than 2,000 rows: 202 with an import job to poll")
    ResponseEntity<?> importCsv(@RequestParam(required = false) @Nullable UUID performerInstitutionId, @RequestBody byte[] csv) {
        return answer(performerInstitutionId, "results.csv", files.read("results.csv", csv));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import lab values from an uploaded .csv or .xlsx file (part \"file\", at most 10 MB), as the CSV import")
    ResponseEntity<?> importFile(@RequestParam(required = false) @Nullable UUID performerInstitutionId,
                                 @RequestParam("file") MultipartFile file)
            throws IOException {
        return answer(performerInstitutionId, file.getOriginalFilename(), files.read(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{job}")
    @Operation(summary = "An import job: status, rows done of the total, reports written and already there, rejected rows "
            + "(listed once it has ended, ID numbers masked); the uploading institution's staff and administrators only")
    ResultFiles.JobAnswer job(@PathVariable UUID job) {
        return files.answer(diagnostics.importJob(new ImportJobId(job)));
    }

    @GetMapping
    @Operation(summary = "The newest import jobs of the caller's institution, newest first (without their rejected rows)")
    List<ResultFiles.JobAnswer> jobs() {
        return diagnostics.recentImports().stream().map(files::answer).toList();
    }

    private ResponseEntity<?> answer(@Nullable UUID performer, @Nullable String fileName, List<List<String>> table) {
        if (ResultFiles.large(table)) {
            var job = files.answer(diagnostics.startImport(performer, fileName, table));
            return ResponseEntity.accepted().location(URI.create("/api/diagnostics/results/import/" + job.id())).body(job);
        }
        ResultImport result = diagnostics.importResults(performer, table);
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(files.answer(result));
    }
}
