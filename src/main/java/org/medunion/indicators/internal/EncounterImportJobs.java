package org.medunion.indicators.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.indicators.EncounterImportStatus;
import org.medunion.indicators.EncounterImportView;
import org.medunion.indicators.EncounterImports;
import org.medunion.indicators.EncounterRecord;
import org.medunion.indicators.IndicatorsError;
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
 * the submitter's right to every institution it names are checked in the request, the file is stored as a job and one
 * background worker ({@link ImportJobRunner}, decision 0268) ingests it as the submitter ({@link ActingAs}). The worker checks every row first, the same checks
 * as {@link EncounterIngest#ingest} over the whole file (a source record id twice in the file is a {@code duplicate}
 * wherever the chunks fall), then writes the rows that passed {@value EncounterImportWork#CHUNK} at a time through
 * {@link EncounterIngest#ingest}: each chunk is all or nothing, its facts, day rollups and the job's figures in one
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
        runner.refuseWhenBusy();
        UUID id = UUID.randomUUID();
        String name = fileName == null || fileName.isBlank() ? "encounters.csv" : clip(fileName.strip());
        store.insert(id, user, name, Csv.write(table), rows.rows().size(), clock.instant());
        runner.startAfterCommit(id, step -> ActingAs.run(user, step), content -> process(id, user, content));
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

    /** The worker's part: every row checked over the whole file, then the rows that passed written chunk by chunk. */
    private void process(UUID id, CurrentUser user, byte[] content) {
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
        runner.inTransaction(() -> store.done(id, work.end(), work.rejected(), clock.instant()));
    }

    /**
     * One chunk in one transaction: its facts and rollups, the job's figures after it, its audit row. A source record id
     * another ingest recorded meanwhile fails the insert on the key: once more, then finding it there.
     */
    private void chunk(UUID id, CurrentUser user, EncounterImportWork work, List<EncounterRecord> records, List<Integer> rows) {
        runner.chunk(() -> {
            var report = IndicatorsService.audited(audit, ingest.ingest(user, records, rows, List.of()));
            store.progress(id, work.chunk(rows, report));
        });
    }

    private static String clip(String name) {
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
