package org.medunion.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.diagnostics.ImportJobStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decision 0238: a result import job runs in the platform's process; one the last run left waiting or running is marked
 * INTERRUPTED when the platform starts (before it takes requests), its file dropped and the reason given — it never
 * hangs as RUNNING. A job that had ended is left as it was. The stored file reads back as the table it was.
 */
abstract class ImportJobsStartupContract {

    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportJobStore store;

    @Test
    void jobsLeftQueuedOrRunningAreMarkedInterruptedAtStartUp_endedOnesStayAsTheyWere() {
        UUID performer = UUID.randomUUID();
        UUID queued = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        byte[] file = "\"report_number\"\n\"R-1\"\n".getBytes(StandardCharsets.UTF_8);
        for (UUID id : List.of(queued, running, done)) {
            store.insert(id, performer, "lab", "结果.csv", file, 2_500, before);
        }
        assertThat(store.jobs().start(running, before)).isTrue();
        store.progress(running, 750, 700, 20, 30);
        assertThat(store.jobs().start(done, before)).isTrue();
        store.done(done, new org.medunion.diagnostics.ResultImport(2_500, 2_500, 0, List.of()), before);

        assertThat(jobs.markInterrupted()).isGreaterThanOrEqualTo(2);

        var q = store.find(queued).orElseThrow();
        var r = store.find(running).orElseThrow();
        var d = store.find(done).orElseThrow();
        assertThat(q.status()).isEqualTo(ImportJobStatus.INTERRUPTED);
        assertThat(r.status()).isEqualTo(ImportJobStatus.INTERRUPTED);
        assertThat(r.errorCode()).isEqualTo("DIAGNOSTICS-0056");
        assertThat(r.rowsDone()).as("the figures so far stay").isEqualTo(750);
        assertThat(r.created()).isEqualTo(700);
        assertThat(r.finishedAt()).isAfter(before);
        assertThat(store.jobs().content(running)).as("the file is dropped").isEmpty();
        assertThat(store.jobs().content(queued)).isEmpty();
        assertThat(store.jobs().content(done)).isEmpty();
        assertThat(d.status()).isEqualTo(ImportJobStatus.DONE);
        assertThat(d.errorCode()).isNull();
        assertThat(d.finishedAt()).isEqualTo(before);
        // an interrupted job is not started again by a late worker
        assertThat(store.jobs().start(queued, Instant.now())).isFalse();
    }

    @Test
    void theStoredFileReadsBackAsTheTable_quotesCommasAndLineBreaksIncluded() {
        var table = List.of(List.of("report_number", "conclusion", "value"), List.of("R-1", "结论，\"待复查\"\n第二行", ""),
                List.of("R-2", "", "6.1"));
        assertThat(org.medunion.shared.Csv.parse(new String(org.medunion.shared.Csv.write(table), StandardCharsets.UTF_8)))
                .isEqualTo(table);
    }
}
