package org.medunion.indicators.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.indicators.EncounterImportStatus;
import org.medunion.indicators.IngestReport.RowError;
import org.medunion.shared.Csv;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decision 0267: an encounter import job runs in the platform's process; one the last run left waiting or running is
 * marked FAILED with INDICATORS-0026 when the platform starts, its file dropped and its figures kept — it never hangs as
 * RUNNING. A job that had ended stays as it was. The stored file reads back as the table it was.
 */
abstract class EncounterImportStartupContract {

    @Autowired
    EncounterImportJobs jobs;
    @Autowired
    EncounterImportStore store;

    @Test
    void jobsLeftQueuedOrRunningAreMarkedFailedAtStartUp_endedOnesStayAsTheyWere() {
        var user = new CurrentUser("his-" + UUID.randomUUID().toString().substring(0, 8), "HIS", Role.SPECIALIST,
                Scope.institution(UUID.randomUUID()));
        UUID queued = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        byte[] file = "\"source_record_id\"\n\"V-1\"\n".getBytes(StandardCharsets.UTF_8);
        for (UUID id : List.of(queued, running, done)) {
            store.insert(id, user, "就诊.csv", file, 2_500, before);
        }
        assertThat(store.jobs().start(running, before)).isTrue();
        store.progress(running, new EncounterImportStore.Figures(1_000, 990, 980, 5, 5, 10));
        assertThat(store.jobs().start(done, before)).isTrue();
        store.done(done, new EncounterImportStore.Figures(2_500, 2_499, 2_499, 0, 0, 1), List.of(new RowError(7, "kind", "format")),
                before);

        assertThat(jobs.markInterrupted()).isGreaterThanOrEqualTo(2);

        var q = store.find(queued).orElseThrow();
        var r = store.find(running).orElseThrow();
        var d = store.find(done).orElseThrow();
        assertThat(q.status()).isEqualTo(EncounterImportStatus.FAILED);
        assertThat(r.status()).isEqualTo(EncounterImportStatus.FAILED);
        assertThat(r.errorCode()).isEqualTo("INDICATORS-0026");
        assertThat(r.rowsDone()).as("the figures so far stay").isEqualTo(1_000);
        assertThat(r.created()).isEqualTo(980);
        assertThat(r.percent()).isEqualTo(40);
        assertThat(r.finishedAt()).isAfter(before);
        assertThat(store.jobs().content(running)).as("the file is dropped").isEmpty();
        assertThat(store.jobs().content(queued)).isEmpty();
        assertThat(store.jobs().content(done)).isEmpty();
        assertThat(d.status()).isEqualTo(EncounterImportStatus.DONE);
        assertThat(d.errorCode()).isNull();
        assertThat(d.rejected()).containsExactly(new RowError(7, "kind", "format"));
        assertThat(d.scopeType()).isEqualTo("INSTITUTION");
        assertThat(d.scopeReference()).isEqualTo(user.scope().reference());
        // a job marked failed is not started again by a late worker
        assertThat(store.jobs().start(queued, Instant.now())).isFalse();
        assertThat(store.recent(user.username(), 10)).hasSize(3);
    }

    @Test
    void theStoredFileReadsBackAsTheTable_quotesCommasAndLineBreaksIncluded() {
        var table = List.of(List.of("source_record_id", "principal_diagnosis", "drg_group"), List.of("V-1", "J06.9，\"x\"\n2", ""),
                List.of("V-2", "", "FM19"));
        assertThat(Csv.parse(new String(Csv.write(table), StandardCharsets.UTF_8))).isEqualTo(table);
    }
}
