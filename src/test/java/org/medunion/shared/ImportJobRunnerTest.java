package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decision 0268: the one runner of import jobs, on a table with only the columns every job table shares. The busy
 * refusal, the hand-over after commit, the worker as the uploader, FAILED with the error's code, the start-up sweep with
 * the module's status, and the chunk run once more on a key conflict.
 */
class ImportJobRunnerTest {

    private static final ImportJobRunner.Codes CODES = new ImportJobRunner.Codes("T-BUSY", "T-FAILED", "T-INTERRUPTED",
            "INTERRUPTED");

    private JdbcClient jdbc;
    private TransactionTemplate tx;
    private ImportJobRunner runner;

    @BeforeEach
    void table() {
        var ds = new DriverManagerDataSource("jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("""
                create table test_import_job (id uuid primary key, status varchar(16) not null, content varbinary(1000),
                    rejected varbinary(1000), error_code varchar(40), started_at timestamp, finished_at timestamp)""").update();
        var transactions = new DataSourceTransactionManager(ds);
        tx = new TransactionTemplate(transactions);
        runner = new ImportJobRunner("test", new ImportJobTable(jdbc, "test_import_job"), CODES, transactions, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void twentyWaitingJobsRefuseTheNextUploadWith503() {
        for (int i = 0; i < ImportJobRunner.QUEUE - 1; i++) {
            insert(UUID.randomUUID());
        }
        runner.refuseWhenBusy();
        insert(UUID.randomUUID());
        assertThatThrownBy(runner::refuseWhenBusy).isInstanceOfSatisfying(ImportJobRunner.BusyException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("T-BUSY");
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.arguments()).containsExactly(ImportJobRunner.QUEUE);
        });
    }

    @Test
    void theWorkerTakesTheJobOnlyAfterCommit_asTheUploader_withTheStoredFile() throws Exception {
        UUID id = UUID.randomUUID();
        var steps = new CopyOnWriteArrayList<String>();
        var file = new CompletableFuture<String>();
        tx.executeWithoutResult(s -> {
            insert(id);
            runner.startAfterCommit(id, step -> {
                steps.add("as uploader on " + Thread.currentThread().getName());
                step.run();
            }, content -> file.complete(new String(content, StandardCharsets.UTF_8) + " " + status(id)));
            assertThat(steps).as("nothing runs before the upload commits").isEmpty();
        });
        assertThat(file.get(10, TimeUnit.SECONDS)).isEqualTo("\"a\"\n RUNNING");
        assertThat(steps).containsExactly("as uploader on test-import");
    }

    @Test
    void oneFileAtATimeGoesInMemory_itsJobRunsWithoutAStoredFile_andTheHoldEndsWithTheJobOrARolledBackUpload()
            throws Exception {
        Boolean rolledBack = tx.execute(s -> {
            boolean held = runner.holdInMemory();
            s.setRollbackOnly();
            return held;
        });
        assertThat(rolledBack).isTrue();
        UUID id = UUID.randomUUID();
        var release = new CountDownLatch(1);
        var ran = new CompletableFuture<String>();
        tx.executeWithoutResult(s -> {
            assertThat(runner.holdInMemory()).as("the rolled-back upload's hold ended").isTrue();
            jdbc.sql("insert into test_import_job (id, status) values (?, 'QUEUED')").param(id).update();
            runner.startInMemoryAfterCommit(id, Runnable::run, () -> {
                ran.complete(status(id));
                awaitQuietly(release);
            });
        });
        assertThat(ran.get(10, TimeUnit.SECONDS)).as("started without a stored file").isEqualTo("RUNNING");
        Boolean second = tx.execute(s -> runner.holdInMemory());
        assertThat(second).as("one file in memory at a time").isFalse();
        release.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean again = false;
        while (!again && System.nanoTime() < until) {
            again = Boolean.TRUE.equals(tx.execute(s -> runner.holdInMemory()));
            Thread.sleep(10);
        }
        assertThat(again).as("the hold ends with the job").isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anErrorEndsTheJobFailed_withItsCodeOrTheModulesCode_andDropsTheFile() throws Exception {
        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        var ended = new CountDownLatch(2);
        tx.executeWithoutResult(s -> {
            insert(own);
            insert(other);
            runner.startAfterCommit(own, Runnable::run, content -> {
                ended.countDown();
                throw new InvalidInputException("file", "T-OWN");
            });
            runner.startAfterCommit(other, Runnable::run, content -> {
                ended.countDown();
                throw new IllegalStateException("boom");
            });
        });
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        awaitStatus(other, "FAILED");
        awaitStatus(own, "FAILED");
        assertThat(errorCode(own)).isEqualTo("T-OWN");
        assertThat(errorCode(other)).isEqualTo("T-FAILED");
        assertThat(new ImportJobTable(jdbc, "test_import_job").content(own)).isEmpty();
    }

    @Test
    void jobsLeftWaitingOrRunningEndWithTheModulesInterruptedStatus_andAStartedJobIsNotStartedAgain() {
        UUID queued = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        insert(queued);
        insert(running);
        var table = new ImportJobTable(jdbc, "test_import_job");
        assertThat(table.start(running, Instant.now())).isTrue();

        assertThat(runner.markInterrupted()).isEqualTo(2);

        assertThat(status(queued)).isEqualTo("INTERRUPTED");
        assertThat(status(running)).isEqualTo("INTERRUPTED");
        assertThat(errorCode(running)).isEqualTo("T-INTERRUPTED");
        assertThat(table.content(queued)).isEmpty();
        assertThat(table.start(queued, Instant.now())).isFalse();
        assertThat(table.waiting()).isZero();
    }

    @Test
    void aChunkThatHitsAKeyRunsOnceMore() {
        var runs = new AtomicInteger();
        runner.chunk(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new DuplicateKeyException("written meanwhile");
            }
        });
        assertThat(runs).hasValue(2);
    }

    @Test
    void aTableNameIsOnlyAPlainName() {
        assertThatThrownBy(() -> new ImportJobTable(jdbc, "job; drop table x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoredFileReadsBackAsTheTable() {
        var table = List.of(List.of("a", "b"), List.of("x，\"y\"\nz", ""));
        assertThat(Csv.parse(new String(Csv.write(table), StandardCharsets.UTF_8))).isEqualTo(table);
    }

    private void insert(UUID id) {
        jdbc.sql("insert into test_import_job (id, status, content) values (?, 'QUEUED', ?)")
                .params(id, "\"a\"\n".getBytes(StandardCharsets.UTF_8)).update();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from test_import_job where id = ?").param(id).query(String.class).single();
    }

    private String errorCode(UUID id) {
        return jdbc.sql("select error_code from test_import_job where id = ?").param(id).query(String.class).single();
    }

    private void awaitStatus(UUID id, String status) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!status.equals(status(id)) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(status(id)).isEqualTo(status);
    }
}
