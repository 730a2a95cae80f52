package org.medunion.indicators.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.IngestReport;
import org.medunion.indicators.IngestReport.RowError;

/**
 * The running figures of one encounter import job (decision 0267): which rows were refused and why, and what the chunks
 * written so far counted. A row is processed once its chunk is written, or once every row before it is processed when
 * it was refused by the checks; so rows done only grow, and at the end equal the file's rows.
 */
final class EncounterImportWork {

    /**
     * Lines of the file parsed, checked and written per transaction (decision 0269; lines, not records, since 0271).
     * Each chunk refreshed the day rows of every day it touched from all their facts, so small chunks re-read a month's
     * facts many times: 80,000 rows of one month took 10.4 s in chunks of 1,000, 6.0 s in chunks of 10,000 and 8.5 s in
     * chunks of 20,000 (P-5 benchmark, one run each).
     */
    static final int CHUNK = 10_000;

    private final int total;
    private final List<RowError> rejected = new ArrayList<>();
    private final Set<Integer> refused = new HashSet<>();
    private int rowsDone;
    private int created;
    private int corrected;
    private int unchanged;

    EncounterImportWork(int total) {
        this.total = total;
    }

    /** Rows refused by the checks, with their reasons. */
    void refuse(List<RowError> errors) {
        rejected.addAll(errors);
        errors.forEach(e -> refused.add(e.row()));
    }

    /**
     * A chunk's outcome, every row up to {@code lastRow} processed. Accepted: its counts. Refused on the write's own check
     * (its rows passed the file's checks, so only a change meanwhile, say the institution removed, does this): nothing of
     * it was written, and each of its {@code rows} is rejected — with its own reason, or {@code batch} when another row
     * of the chunk was the cause. No report: none of the chunk's rows passed the checks, nothing was written.
     */
    EncounterImportStore.Figures chunk(List<Integer> rows, int lastRow, @Nullable IngestReport report) {
        if (report != null && report.accepted()) {
            created += report.created();
            corrected += report.corrected();
            unchanged += report.unchanged();
        } else if (report != null) {
            var own = new HashSet<Integer>();
            report.rejected().forEach(e -> own.add(e.row()));
            refuse(report.rejected());
            refuse(rows.stream().filter(r -> !own.contains(r)).map(r -> new RowError(r, "*", "batch")).toList());
        }
        rowsDone = Math.max(rowsDone, lastRow);
        return figures();
    }

    /** Whether a chunk created or corrected facts: then the policy module is told once the job ends. */
    boolean changedFacts() {
        return created + corrected > 0;
    }

    /** The figures once every chunk is written: every row processed. */
    EncounterImportStore.Figures end() {
        rowsDone = total;
        return figures();
    }

    /** The rejected rows by row number. */
    List<RowError> rejected() {
        var out = new ArrayList<>(rejected);
        out.sort(Comparator.comparingInt(RowError::row));
        return out;
    }

    private EncounterImportStore.Figures figures() {
        int done = rowsDone;
        int rejectedRows = (int) refused.stream().filter(r -> r <= done).count();
        return new EncounterImportStore.Figures(rowsDone, created + corrected + unchanged, created, corrected, unchanged,
                rejectedRows);
    }
}
