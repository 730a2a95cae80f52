package org.medunion.diagnostics.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ImportJobId;
import org.medunion.diagnostics.ImportJobView;
import org.medunion.diagnostics.ResultImport;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Result import jobs (decision 0238): a large file, its structure checked in the request, is stored and imported by
 * one background worker, {@value #BATCH} reports per transaction, the figures written after each batch so the
 * uploader can follow it. Each report is written whole or not at all, as in the request. The worker acts as the
 * uploader (scope, audit). A job found waiting or running at start-up was interrupted by the restart and is marked so
 * before the server takes requests; the reports written before stay, and uploading the file again counts them.
 */
@Component
class ImportJobs implements SmartInitializingSingleton, DisposableBean {

    /** Reports written per transaction: a batch takes about 0.15 s on PostgreSQL. */
    static final int BATCH = 250;
    /** Jobs that may wait for the worker; one more upload is a 503 (nothing stored). */
    static final int QUEUE = 20;
    /** Jobs listed on the import page. */
    static final int RECENT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportJobStore store;
    private final ResultTables tables;
    private final ReportImports imports;
    private final DiagnosticsAccess access;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
            r -> {
                var t = new Thread(r, "result-import");
                t.setDaemon(true);
                return t;
            });

    ImportJobs(ImportJobStore store, ResultTables tables, ReportImports imports, DiagnosticsAccess access,
               PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.tables = tables;
        this.imports = imports;
        this.access = access;
        this.tx = new TransactionTemplate(transactions);
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
        if (store.waiting() >= QUEUE) {
            throw new ImportsBusyException();
        }
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "results.csv" : ReferenceData.text(fileName.strip(), "file", 255);
        store.insert(id, performer, user.username(), name, csv(table), table.size() - 1, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                submit(id, user);
            }
        });
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

    private void submit(UUID id, CurrentUser user) {
        try {
            worker.execute(() -> run(id, user));
        } catch (RejectedExecutionException e) {
            tx.executeWithoutResult(s -> store.failed(id, DiagnosticsError.IMPORTS_BUSY.code(), clock.instant()));
        }
    }

    /** The worker: the job as its uploader; an error ends it FAILED (the reports written before stay). */
    void run(UUID id, CurrentUser user) {
        try {
            ActingAs.run(user, () -> {
                process(id, user);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("result import job {} failed", id, e);
            String code = e instanceof MedUnionException m ? m.code() : DiagnosticsError.IMPORT_FAILED.code();
            tx.executeWithoutResult(s -> store.failed(id, code, clock.instant()));
        }
    }

    private void process(UUID id, CurrentUser user) {
        if (!Boolean.TRUE.equals(tx.execute(s -> store.start(id, clock.instant())))) {
            return;
        }
        var job = store.find(id).orElseThrow();
        byte[] content = store.content(id).orElseThrow();
        var plan = tables.plan(Csv.parse(new String(content, StandardCharsets.UTF_8)));
        ResultImport result = tables.write(job.performerInstitutionId(), user, plan, BATCH, this::batch,
                t -> tx.executeWithoutResult(s -> store.progress(id, t.rowsDone, t.created, t.existing, t.rejected.size())));
        tx.executeWithoutResult(s -> store.done(id, result, clock.instant()));
    }

    /** One batch in a transaction; a report number another import recorded meanwhile: once more, finding it there. */
    private void batch(Runnable work) {
        try {
            tx.executeWithoutResult(s -> work.run());
        } catch (DataIntegrityViolationException e) {
            tx.executeWithoutResult(s -> work.run());
        }
    }

    /** Before the server takes requests: jobs left waiting or running by the last run were interrupted. */
    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = markInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} result import job(s) interrupted by the restart", interrupted);
        }
    }

    int markInterrupted() {
        return Objects.requireNonNullElse(tx.execute(s -> store.interruptAll(DiagnosticsError.IMPORT_INTERRUPTED.code(),
                clock.instant())), 0);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    /** The table as CSV, every field quoted, as {@link Csv#parse} reads it back. */
    static byte[] csv(List<List<String>> table) {
        var out = new StringBuilder();
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",").append('"').append(Objects.requireNonNullElse(row.get(c), "").replace("\"", "\"\""))
                        .append('"');
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Too many jobs waiting: 503, try again later. */
    static final class ImportsBusyException extends MedUnionException {

        ImportsBusyException() {
            super(DiagnosticsError.IMPORTS_BUSY.code(), "file", QUEUE);
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
