package org.medunion.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.indicators.EncounterImportStatus;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.EncounterImports;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.IngestReport.RowError;
import org.medunion.shared.BackgroundImports;
import org.medunion.shared.Csv;
import org.medunion.shared.ImportJobRunner;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encounter import jobs (decision 0267, after the diagnostics module's result imports, 0238): the file's structure and
 * the submitter's right to every institution it names are checked in the request, the job is stored (its file with it,
 * unless it goes to the worker in memory, decision 0271) and one background worker ({@link ImportJobRunner}, decision
 * 0268) ingests it as the submitter ({@link ActingAs}). The worker takes {@value EncounterImportWork#CHUNK} lines at a
 * time: prepared ahead on a second thread (parsed, checked as {@link EncounterIngest#ingest} checks a batch but over
 * the whole file, so a source record id twice in the file is a {@code duplicate} wherever the chunks fall, and their
 * rows built), then the rows that passed written all or nothing: their facts, day rollups and the job's figures in one
 * transaction. A job found waiting or running at start-up was interrupted and is marked FAILED; the chunks written
 * stay, and uploading the file again finds them unchanged.
 */
@Service
class EncounterImportJobs extends BackgroundImports implements EncounterImports {

    /** Jobs listed for their submitter. */
    static final int RECENT = 20;

    private final EncounterImportStore store;
    private final EncounterIngest ingest;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    /**
     * Parses and checks a job's next chunk and builds its rows while the worker writes the current one (decision 0271):
     * one core works in Java while PostgreSQL takes the COPY on the other.
     */
    private final ExecutorService preparing = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "encounter-import-prepare");
        t.setDaemon(true);
        return t;
    });

    EncounterImportJobs(EncounterImportStore store, EncounterIngest ingest, CurrentUsers users, AuditTrail audit,
                        PlatformTransactionManager transactions, Clock clock) {
        super(new ImportJobRunner("encounter", store.jobs(), new ImportJobRunner.Codes(IndicatorsError.IMPORTS_BUSY.code(),
                IndicatorsError.IMPORT_FAILED.code(), IndicatorsError.IMPORT_INTERRUPTED.code(), EncounterImportStatus.FAILED.name()),
                transactions, clock));
        this.store = store;
        this.ingest = ingest;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public EncounterImportView start(@Nullable String fileName, List<List<String>> table) {
        CurrentUser user = users.require();
        var malformed = EncounterTables.malformed(table, true);
        if (malformed != null) {
            // a missing or unknown column names itself; a line with another number of fields is the file's problem
            String field = "*".equals(malformed.field()) ? "file" : malformed.field();
            throw new InvalidInputException(field, IndicatorsError.MALFORMED_FILE, malformed.row(), malformed.rule());
        }
        int rows = table.size() - 1;
        if (rows > MAX_ROWS) {
            throw new InvalidInputException("file", TextRules.TOO_MANY, MAX_ROWS);
        }
        ingest.maySubmitAll(user, EncounterTables.institutions(table));
        runner.refuseWhenBusy();
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "encounters.csv" : clip(fileName.strip());
        ImportJobRunner.Uploader asUser = step -> ActingAs.run(user, step);
        if (runner.holdInMemory()) {
            store.insert(id, user, name, null, rows, clock.instant());
            runner.startInMemoryAfterCommit(id, asUser, () -> process(id, user, table));
        } else {
            store.insert(id, user, name, Csv.write(table), rows, clock.instant());
            runner.startAfterCommit(id, asUser, content -> process(id, user, stored(content)));
        }
        return store.find(id).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public EncounterImportView job(UUID id) {
        CurrentUser user = users.require();
        return store.find(id).filter(j -> j.submittedBy().equals(user.username()))
                .orElseThrow(() -> new NotFoundException("encounterImport", id));
    }

    @Override
    @Transactional(readOnly = true)
    public List<EncounterImportView> mine() {
        return store.recent(users.require().username(), RECENT);
    }

    /**
     * The worker's part, a chunk of {@value EncounterImportWork#CHUNK} lines at a time: the chunk prepared (the next one
     * is prepared on the preparing thread while this one is written), checked over the whole file so far (a source an
     * earlier chunk named is a duplicate), and the rows that passed written in one transaction.
     */
    private void process(UUID id, CurrentUser user, List<List<String>> table) {
        int lines = table.size();
        var work = new EncounterImportWork(lines - 1);
        var checks = new EncounterIngest.FileChecks(user);
        try {
            CompletableFuture<Prepared> next = lines > 1 ? prepare(table, 1, checks) : null;
            for (int from = 1; next != null; from += EncounterImportWork.CHUNK) {
                var chunk = join(next);
                int following = from + EncounterImportWork.CHUNK;
                next = following < lines ? prepare(table, following, checks) : null;
                work.refuse(chunk.parseErrors());
                work.refuse(chunk.checked().errors());
                chunk(id, user, work, chunk.checked(), Math.min(lines, following) - 1);
            }
            runner.inTransaction(() -> store.done(id, work.end(), work.rejected(), clock.instant()));
        } finally {
            if (work.changedFacts()) { // also when the job failed after some chunks: what they wrote stays
                runner.inTransaction(ingest::announce);
            }
        }
    }

    /** A stored file read back: its structure was checked at the upload, and is checked again as it comes back. */
    private static List<List<String>> stored(byte[] content) {
        var table = Csv.parse(new String(content, StandardCharsets.UTF_8));
        if (EncounterTables.malformed(table, true) != null) {
            throw new InvalidInputException("file", IndicatorsError.MALFORMED_FILE);
        }
        return table;
    }

    /** A chunk of lines parsed and checked: the rows that are no record, and the checks' outcome for the others. */
    private record Prepared(List<RowError> parseErrors, EncounterIngest.Checked checked) {
    }

    /**
     * The chunk of lines from {@code from} (a line of the file), parsed and checked on the preparing thread while the
     * worker writes the one before: the chunks are prepared one after the other, in file order, so the checks see the
     * sources of every earlier chunk.
     */
    private CompletableFuture<Prepared> prepare(List<List<String>> table, int from, EncounterIngest.FileChecks checks) {
        int to = Math.min(table.size(), from + EncounterImportWork.CHUNK);
        return CompletableFuture.supplyAsync(() -> {
            var parsed = EncounterTables.parse(table, from, to);
            return new Prepared(parsed.errors(), ingest.check(checks, parsed.records(), parsed.numbers()));
        }, preparing);
    }

    /**
     * The prepared chunk; a check's refusal (403 for an institution the submitter may not write) ends the job with it.
     * Interruptible, unlike {@code join}: on shutdown the preparing thread drops a chunk it has not begun.
     */
    private static Prepared join(CompletableFuture<Prepared> chunk) {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("encounter import interrupted", e);
        }
    }

    /**
     * One chunk in one transaction: its facts and rollups, the job's figures after it (every row up to {@code lastRow}
     * processed), its audit row. A source record id another ingest recorded meanwhile fails the insert on the key: once
     * more, then finding it there.
     */
    private void chunk(UUID id, CurrentUser user, EncounterImportWork work, EncounterIngest.Checked checked, int lastRow) {
        runner.chunk(() -> {
            IngestReport report = checked.facts().isEmpty() ? null : IndicatorsService.audited(audit, ingest.write(user, checked));
            store.progress(id, work.chunk(checked.rows(), lastRow, report));
        });
    }

    @Override
    public void destroy() {
        super.destroy();
        preparing.shutdownNow();
    }

    private static String clip(String name) {
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
