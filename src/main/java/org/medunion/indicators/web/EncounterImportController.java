package org.medunion.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.EncounterImports;
import org.medunion.shared.web.UploadedTable;
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
 * Encounter files as import jobs (issue 17, decision 0267): the file's structure and the caller's right to every
 * institution it names are checked at once (400 / 403, nothing stored), then 202 with the job and its Location, to poll.
 * The same columns and rules as {@code POST /api/indicators/encounters} (docs/indicators.md); a rejected row is listed
 * with its reasons and the other rows are written. A job is its submitter's alone.
 */
@RestController
@RequestMapping("/api/indicators/encounter-imports")
@Tag(name = "Indicators")
class EncounterImportController {

    static final String PATH = "/api/indicators/encounter-imports";

    private final EncounterImports imports;

    EncounterImportController(EncounterImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "An encounter file as a background job (part \"file\", .csv or .xlsx, at most 10 MB and 100,000 rows); "
            + "202 with the job and Location; 400 INDICATORS-0003 for a malformed file, 403 INDICATORS-0002 for a foreign "
            + "institution, nothing stored")
    ResponseEntity<EncounterImportView> upload(@RequestParam("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename();
        return started(name, UploadedTable.read(name, file.getBytes(), EncounterImports.MAX_UPLOAD_BYTES));
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    @Operation(summary = "A CSV body as a background job, as the file upload (fileName optional)")
    ResponseEntity<EncounterImportView> uploadCsv(@RequestParam(required = false) @Nullable String fileName,
                                                  @RequestBody(required = false) byte @Nullable [] csv) {
        return started(fileName, UploadedTable.read("", csv, EncounterImports.MAX_UPLOAD_BYTES));
    }

    private ResponseEntity<EncounterImportView> started(@Nullable String fileName, List<List<String>> table) {
        EncounterImportView job = imports.start(fileName, table);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(job);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import job: status, rows done of the total, accepted (created, corrected, unchanged) and rejected "
            + "rows, the rejected rows with row, field and rule once it has ended; another user's job is 404")
    EncounterImportView job(@PathVariable UUID id) {
        return imports.job(id);
    }

    @GetMapping
    @Operation(summary = "The caller's newest encounter import jobs, newest first (without their rejected rows)")
    List<EncounterImportView> jobs() {
        return imports.mine();
    }
}
