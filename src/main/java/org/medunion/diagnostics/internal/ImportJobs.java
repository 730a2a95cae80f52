package org.medunion.diagnostics.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ImportJobStatus;
import org.medunion.diagnostics.ImportJobView;
import org.medunion.diagnostics.ResultImport;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.shared.BackgroundImports;
import org.medunion.shared.Csv;
import org.medunion.shared.ImportJobRunner;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Result import jobs (decision 0238): a large file, its structure checked in the request, is stored and imported by
 * one background worker ({@link ImportJobRunner}, decision 0268), {@value #BATCH} reports per transaction, the figures
 * written after each batch so the uploader can follow it. Each report is written whole or not at all, as in the
 * request. The worker acts as the uploader (scope, audit). A job found waiting or running at start-up was interrupted
 * by the restart and is marked so before the server takes requests; the reports written before stay, and uploading the
 * file again counts them.
 */
@Component
class ImportJobs extends BackgroundImports {

    /** Reports written per transaction: a batch takes about 0.15 s on PostgreSQL. */
    static final int BATCH = 250;
    /** Jobs listed on the import page. */
    static final int RECENT = 10;

    private final ImportJobStore store;
    private final ResultTables tables;
    private final ReportImports imports;
    private final DiagnosticsAccess access;
    private final Clock clock;

    ImportJobs(ImportJobStore store, ResultTables tables, ReportImports imports, DiagnosticsAccess access,
               PlatformTransactionManager transactions, Clock clock) {
        super(new ImportJobRunner("result", store.jobs(), new ImportJobRunner.Codes(DiagnosticsError.IMPORTS_BUSY.code(),
                DiagnosticsError.IMPORT_FAILED.code(), DiagnosticsError.IMPORT_INTERRUPTED.code(), ImportJobStatus.INTERRUPTED.name()),
                transactions, clock));
        this.store = store;
        this.tables = tables;
        this.imports = imports;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Stores the file as a job (the caller's transaction) and hands it to the worker once that commits. The performer is
     * checked as for an import in the request; a file whose structure is wrong is refused naming the first problem,
     * nothing stored.
     */
    ImportJobView start(@Nullable UUID named, @Nullable String fileName, List<List<String>> table) {
        CurrentUser user = access.caller();
        UUID performer = imports.performer(user, named);
        var problems = ResultTables.problems(table);
        if (!problems.isEmpty()) {
            var p = problems.get(0);
            throw new InvalidInputException(p.column(), p.code(), p.arguments().toArray());
        }
        runner.refuseWhenBusy();
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "results.csv" : ReferenceData.text(fileName.strip(), "file", 255);
        store.insert(id, performer, user.username(), name, Csv.write(table), table.size() - 1, clock.instant());
        runner.startAfterCommit(id, step -> ActingAs.run(user, step), content -> process(id, user, content));
        return store.find(id).orElseThrow();
    }

    /** A job, for the uploading institution's staff, the uploader and administrators; anyone else a 404. */
    ImportJobView job(ImportJobId id) {
        CurrentUser user = access.caller();
        return store.find(id.value()).filter(j -> user.role() == Role.ADMIN || j.uploadedBy().equals(user.username())
                || j.performerInstitutionId().equals(DiagnosticsAccess.institutionOf(user)))
                .orElseThrow(() -> new NotFoundException("importJob", id.value()));
    }

    /** The caller's institution's newest jobs (a caller without an institution: the ones they sent). */
    List<ImportJobView> recent() {
        CurrentUser user = access.caller();
        return store.recent(DiagnosticsAccess.institutionOf(user), user.username(), RECENT);
    }

    /** The worker's part: the reports in batches, each a transaction that also writes the figures so far. */
    private void process(UUID id, CurrentUser user, byte[] content) {
        var job = store.find(id).orElseThrow();
        var plan = tables.plan(Csv.parse(new String(content, StandardCharsets.UTF_8)));
        ResultImport result = tables.write(job.performerInstitutionId(), user, plan, BATCH, runner::chunk,
                t -> runner.inTransaction(() -> store.progress(id, t.rowsDone, t.created, t.existing, t.rejected.size())));
        runner.inTransaction(() -> store.done(id, result, clock.instant()));
    }
}
