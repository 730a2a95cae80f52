package org.medunion.shared;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One background worker for a module's file imports (decision 0268; the mechanics are 0238's, which 0267 followed). A
 * module stores the checked file as a job and hands it over here; the runner refuses an upload when {@value #QUEUE} jobs
 * wait (503, nothing stored), gives the job to its single daemon worker once the upload's transaction commits (never a
 * job the database does not hold yet), runs it as the uploader, ends it FAILED on an error with the error's code, marks
 * the jobs a restart interrupted before the server takes requests, and stops the worker on shutdown. One file at a time
 * may go to the worker in memory instead of through the table ({@link #holdInMemory}, decision 0271). What a job checks
 * and writes, its table and its views stay with the module ({@link Work}).
 *
 * <p>Not a bean: each module makes its own runner, so each keeps its own worker, queue and codes, and a long import of
 * one never holds up the other's. {@code shared} cannot know the identity module (it depends on {@code shared}), so the
 * module passes how to act as the uploader ({@link Uploader}).
 */
public final class ImportJobRunner {

    /** Jobs that may wait for the worker; one more upload is a 503 (nothing stored). */
    public static final int QUEUE = 20;

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobRunner.class);

    private final String label;
    private final ImportJobTable table;
    private final Codes codes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    /** The one file that may wait for the worker in memory instead of in the table (decision 0271). */
    private final Semaphore inMemory = new Semaphore(1);

    /**
     * @param label what the jobs import ({@code result}, {@code encounter}): the worker thread and the log lines name it
     */
    public ImportJobRunner(String label, ImportJobTable table, Codes codes, PlatformTransactionManager transactions,
                           Clock clock) {
        this.label = label;
        this.table = table;
        this.codes = codes;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), r -> {
            var t = new Thread(r, label + "-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** In the upload's transaction, before the job is stored: {@value #QUEUE} jobs waiting already is a 503. */
    public void refuseWhenBusy() {
        if (table.waiting() >= QUEUE) {
            throw new BusyException(codes.busy());
        }
    }

    /**
     * In the upload's transaction, the job stored: the worker takes it once that commits. A full queue then (uploads
     * racing past {@link #refuseWhenBusy}) ends the job FAILED with the busy code.
     */
    public void startAfterCommit(UUID id, Uploader uploader, Work work) {
        afterCommit(() -> submit(id, uploader, () -> work.process(table.content(id).orElseThrow()), false));
    }

    /**
     * In the upload's transaction, before the job is stored (decision 0271): true when no other job's file is held in
     * memory, so this one's may go to the worker in memory: the module stores the job without its file and starts it
     * with {@link #startInMemoryAfterCommit}. Writing a 7 MB file into the table and reading it back cost a quarter of
     * a second of an 80,000-row job (P-5). The hold ends with that job, or when the upload does not commit.
     */
    public boolean holdInMemory() {
        if (!inMemory.tryAcquire()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    inMemory.release();
                }
            }
        });
        return true;
    }

    /** As {@link #startAfterCommit} for a job whose file {@code work} holds in memory ({@link #holdInMemory}). */
    public void startInMemoryAfterCommit(UUID id, Uploader uploader, Runnable work) {
        afterCommit(() -> submit(id, uploader, work, true));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private void submit(UUID id, Uploader uploader, Runnable work, boolean held) {
        try {
            worker.execute(() -> run(id, uploader, work, held));
        } catch (RejectedExecutionException e) {
            release(held);
            tx.executeWithoutResult(s -> table.failed(id, codes.busy(), clock.instant()));
        }
    }

    /** The worker: the job as its uploader; an error ends it FAILED (what was written before stays). */
    private void run(UUID id, Uploader uploader, Runnable work, boolean held) {
        try {
            uploader.run(() -> {
                if (Boolean.TRUE.equals(tx.execute(s -> table.start(id, clock.instant())))) {
                    work.run();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{} import job {} failed", label, id, e);
            String code = e instanceof MedUnionException m ? m.code() : codes.failed();
            tx.executeWithoutResult(s -> table.failed(id, code, clock.instant()));
        } finally {
            release(held);
        }
    }

    private void release(boolean held) {
        if (held) {
            inMemory.release();
        }
    }

    /** A step of a job in its own transaction (the figures after a chunk, the job's end). */
    public void inTransaction(Runnable step) {
        tx.executeWithoutResult(s -> step.run());
    }

    /**
     * One chunk in one transaction; a key another import recorded meanwhile fails it: once more, finding the row there
     * (imports are idempotent by their key, so the second run counts it as existing).
     */
    public void chunk(Runnable step) {
        try {
            inTransaction(step);
        } catch (DataIntegrityViolationException e) {
            inTransaction(step);
        }
    }

    /** Before the server takes requests: jobs left waiting or running by the last run were interrupted. */
    public void sweep() {
        int interrupted = markInterrupted();
        if (interrupted > 0) {
            LOG.warn("{} {} import job(s) interrupted by the restart", interrupted, label);
        }
    }

    /** Every job waiting or running ends with the module's interrupted status and code; how many there were. */
    public int markInterrupted() {
        return Objects.requireNonNullElse(tx.execute(s -> table.interruptAll(codes.interruptedStatus(), codes.interrupted(),
                clock.instant())), 0);
    }

    /** On shutdown: the worker stops; a job it was running is marked interrupted at the next start. */
    public void shutdown() {
        worker.shutdownNow();
    }

    /**
     * A module's error codes for its jobs: too many waiting, an unexpected error, interrupted by a restart, and the
     * status an interrupted job ends with (the modules chose differently: INTERRUPTED for results, FAILED for
     * encounters).
     */
    public record Codes(String busy, String failed, String interrupted, String interruptedStatus) {
    }

    /** How the worker acts as the uploader: the module wraps the step in its acting-as (scope, audit). */
    @FunctionalInterface
    public interface Uploader {

        void run(Runnable step);
    }

    /** The module's own part of a running job: its stored file checked and written, and the job ended DONE. */
    @FunctionalInterface
    public interface Work {

        void process(byte[] content);
    }

    /** Too many jobs waiting: 503, try again later. */
    public static final class BusyException extends MedUnionException {

        BusyException(String code) {
            super(code, "file", QUEUE);
        }

        @Override
        public int status() {
            return 503;
        }
    }
}
