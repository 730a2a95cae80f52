package org.medunion.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.EncounterImports;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IndicatorsError;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.TextRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encounter import jobs (decision 0267, after the diagnostics module's result imports, 0238): the file's structure and
 * the submitter's right to every institution it names are checked in the request, the file is stored as a job and one
 * background worker ingests it as the submitter ({@link ActingAs}). The worker checks every row first, the same checks
 * as {@link EncounterIngest#ingest} over the whole file (a source record id twice in the file is a {@code duplicate}
 * wherever the chunks fall), then writes the rows that passed {@value EncounterImportWork#CHUNK} at a time through
 * {@link EncounterIngest#ingest}: each chunk is all or nothing, its facts, day rollups and the job's figures in one
 * transaction. A job found waiting or running at start-up was interrupted and is marked FAILED; the chunks written
 * stay, and uploading the file again finds them unchanged.
 */
@Service
class EncounterImportJobs implements EncounterImports, SmartInitializingSingleton, DisposableBean {

    /** Jobs that may wait for the worker; one more upload is a 503 (nothing stored). */
    static final int QUEUE = 20;
    /** Jobs listed for their submitter. */
    static final int RECENT = 20;

    private static final Logger LOG = LoggerFactory.getLogger(EncounterImportJobs.class);

    private final EncounterImportStore store;
    private final EncounterIngest ingest;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
            r -> {
                var t = new Thread(r, "encounter-import");
                t.setDaemon(true);
                return t;
            });

    EncounterImportJobs(EncounterImportStore store, EncounterIngest ingest, CurrentUsers users, AuditTrail audit,
                        PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.users = users;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    @Transactional
    public EncounterImportView start(@Nullable String fileName, List<List<String>> table) {
        CurrentUser user = users.require();
        var rows = EncounterTables.rows(table, true);
        var malformed = rows.malformed();
        if (malformed != null) {
            // a missing or unknown column names itself; a line with another number of fields is the file's problem
            String field = "*".equals(malformed.field()) ? "file" : malformed.field();
            throw new InvalidInputException(field, IndicatorsError.MALFORMED_FILE, malformed.row(), malformed.rule());
        }
        if (rows.rows().size() > MAX_ROWS) {
            throw new InvalidInputException("file", TextRules.TOO_MANY, MAX_ROWS);
        }
        ingest.maySubmitAll(user, EncounterTables.institutions(rows.rows()));
        if (store.waiting() >= QUEUE) {
            throw new ImportsBusyException();
        }
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "encounters.csv" : clip(fileName.strip());
        store.insert(id, user, name, csv(table), rows.rows().size(), clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                submit(id, user);
            }
        });
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

    private void submit(UUID id, CurrentUser user) {
        try {
            worker.execute(() -> run(id, user));
        } catch (RejectedExecutionException e) {
            tx.executeWithoutResult(s -> store.failed(id, IndicatorsError.IMPORTS_BUSY.code(), clock.instant()));
        }
    }

    /** The worker: the job as its submitter; an error ends it FAILED (the chunks written before stay). */
    void run(UUID id, CurrentUser user) {
        try {
            ActingAs.run(user, () -> {
                process(id, user);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("encounter import job {} failed", id, e);
            String code = e instanceof MedUnionException m ? m.code() : IndicatorsError.IMPORT_FAILED.code();
            tx.executeWithoutResult(s -> store.failed(id, code, clock.instant()));
        }
    }

    private void process(UUID id, CurrentUser user) {
        if (!Boolean.TRUE.equals(tx.execute(s -> store.start(id, clock.instant())))) {
            return;
        }
        byte[] content = store.content(id).orElseThrow();
        var rows = EncounterTables.rows(Csv.parse(new String(content, StandardCharsets.UTF_8)), true);
        if (rows.malformed() != null) {
            throw new InvalidInputException("file", IndicatorsError.MALFORMED_FILE);
        }
        var parsed = EncounterTables.parse(rows.rows(), true);
        var work = new EncounterImportWork(rows.rows().size(), parsed.errors());
        work.refuse(ingest.rejections(user, parsed.records(), parsed.numbers()));
        List<EncounterRecord> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < parsed.records().size(); i++) {
            if (!work.refused(parsed.numbers().get(i))) {
                records.add(parsed.records().get(i));
                numbers.add(parsed.numbers().get(i));
            }
        }
        for (int from = 0; from < records.size(); from += EncounterImportWork.CHUNK) {
            int to = Math.min(records.size(), from + EncounterImportWork.CHUNK);
            chunk(id, user, work, records.subList(from, to), numbers.subList(from, to));
        }
        tx.executeWithoutResult(s -> store.done(id, work.end(), work.rejected(), clock.instant()));
    }

    /**
     * One chunk in one transaction: its facts and rollups, the job's figures after it, its audit row. A source record id
     * another ingest recorded meanwhile fails the insert on the key: once more, then finding it there.
     */
    private void chunk(UUID id, CurrentUser user, EncounterImportWork work, List<EncounterRecord> records, List<Integer> rows) {
        Runnable step = () -> tx.executeWithoutResult(s -> {
            var report = IndicatorsService.audited(audit, ingest.ingest(user, records, rows, List.of()));
            store.progress(id, work.chunk(rows, report));
        });
        try {
            step.run();
        } catch (DataIntegrityViolationException e) {
            step.run();
        }
    }

    /** Before the server takes requests: jobs left waiting or running by the last run were interrupted. */
    @Override
    public void afterSingletonsInstantiated() {
        int interrupted = markInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} encounter import job(s) interrupted by the restart", interrupted);
        }
    }

    int markInterrupted() {
        return Objects.requireNonNullElse(tx.execute(s -> store.interruptAll(IndicatorsError.IMPORT_INTERRUPTED.code(),
                clock.instant())), 0);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static String clip(String name) {
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
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
            super(IndicatorsError.IMPORTS_BUSY.code(), "file", QUEUE);
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
