package org.medunion.audit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit rows into the hash chain, in batches, after their transactions committed (decision 0272).
 * Writers only insert and queue their rows, so they no longer pass the chain head one commit at a time; the sealer
 * is the only one that locks the head, once per batch. A row is unsealed from its commit until the next batch
 * (the wake-up after each audited commit, or {@code medunion.audit.seal-interval} at the latest): the window in
 * which a change behind the database's triggers would go unnoticed by the chain.
 */
@Component
class AuditSealer implements SmartLifecycle {

    static final int BATCH = 1000;
    private static final long GATHER_MILLIS = 50;
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    private static final String SEAL = "insert into audit_seal (chain_seq, event_id, prev_hash, row_hash) values (?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile @Nullable Thread thread;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions,
                @Value("${medunion.audit.seal-interval:PT1S}") Duration interval) {
        this.jdbc = jdbc;
        this.batch = batch;
        // a transaction of its own also when a verification inside a caller's transaction seals: the head lock is
        // released at the end of each batch, not held through the rest of the caller's work
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.interval = interval;
    }

    /** After an audited commit: seal soon. Permits do not pile up, one pass seals everything queued. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Seals every row queued when it is called, batch after batch; returns how many it sealed. */
    long sealAll() {
        long sealed = 0;
        int n;
        do {
            Integer done = tx.execute(s -> sealBatch());
            n = done == null ? 0 : done;
            sealed += n;
        } while (n == BATCH);
        return sealed;
    }

    private int sealBatch() {
        // the head lock makes one sealer at a time, also across application instances on one database
        var head = jdbc.sql("select chain_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        // the queue drives the query: ordered by the trail's time with a limit, PostgreSQL walked the whole trail's
        // time index probing the queue for each row (300 ms at 130,000 rows), so the batch is taken first, then sorted
        List<AuditChain.Row> rows = jdbc.sql("select e.* from audit_event e where e.id in (select event_id from audit_unsealed limit "
                + BATCH + ") order by e.occurred_at, e.id")
                .query((rs, n) -> AuditChain.row(rs, 0, null, null)).list();
        if (rows.isEmpty()) {
            return 0;
        }
        long seq = (Long) head[0];
        String prev = (String) head[1];
        var seals = new ArrayList<Object[]>(rows.size());
        var sealedIds = new ArrayList<UUID>(rows.size());
        for (AuditChain.Row r : rows) {
            seq++;
            String hash = AuditChain.hash(r.at(seq), prev);
            seals.add(new Object[] {seq, r.id(), prev, hash});
            sealedIds.add(r.id());
            prev = hash;
        }
        batch.batchUpdate(SEAL, seals);
        // one statement: deleted one by one, each delete of a few hundred queued rows was a scan of the queue
        jdbc.sql("delete from audit_unsealed where event_id in (:ids)").param("ids", sealedIds).update();
        jdbc.sql("update audit_chain_head set chain_seq = ?, last_hash = ? where id = 1").params(seq, prev).update();
        return rows.size();
    }

    @Override
    public void start() {
        var t = new Thread(this::run, "audit-sealer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                sealAll();
                // commits arriving meanwhile are gathered into the next batch: one pass per commit would cost the
                // database a transaction per audited request again
                Thread.sleep(GATHER_MILLIS);
                if (wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the rows stay queued and are sealed by a later pass; the next pass is the retry
                log.warn("audit rows not sealed this pass, retrying in {}: {}", interval, e.toString());
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // what committed before the web server stopped is sealed now rather than at the next start
        try {
            sealAll();
        } catch (RuntimeException e) {
            log.warn("audit rows left queued at shutdown, sealed at the next start: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Stops after the web server (which stops at DEFAULT_PHASE - 2048), so the last requests' rows are sealed. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
