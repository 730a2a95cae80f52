package org.medunion.diagnostics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ResultImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Lab values imported from a member's LIS export (decision 0231): one row per observation, the rows of a member report
 * number one report. 200 with the figures when anything was written or was already there (rejected rows listed),
 * 422 when every report was refused (nothing written), 400 for a file that cannot be read.
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
            + "observation_name, value, unit, reference_range, critical, conclusion); the caller's institution is the performer")
    ResponseEntity<ResultFiles.ImportAnswer> importCsv(@RequestParam(required = false) @Nullable UUID performerInstitutionId,
                                                       @RequestBody byte[] csv) {
        return answer(diagnostics.importResults(performerInstitutionId, files.read("results.csv", csv)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import lab values from an uploaded .csv or .xlsx file (part \"file\"), as the CSV import")
    ResponseEntity<ResultFiles.ImportAnswer> importFile(@RequestParam(required = false) @Nullable UUID performerInstitutionId,
                                                        @RequestParam("file") MultipartFile file)
            throws IOException {
        return answer(diagnostics.importResults(performerInstitutionId, files.read(file.getOriginalFilename(), file.getBytes())));
    }

    private ResponseEntity<ResultFiles.ImportAnswer> answer(ResultImport result) {
        return ResponseEntity.status(result.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(files.answer(result));
    }
}
