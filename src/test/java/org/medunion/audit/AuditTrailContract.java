package org.medunion.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.residents.ResidentsFixture;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail to 等保 L3 安全审计, on H2 and PostgreSQL: append-only in the database (UPDATE, DELETE, TRUNCATE
 * refused), tamper evidence (hash chain, a break reported with its position), purpose of use derived not claimed,
 * denied requests and Idempotency-Key replays audited, export and verification for the audit administrator only.
 */
public abstract class AuditTrailContract extends RunningCity {

    static final String AUDITOR = "audit-contract-auditor";

    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;

    /** PostgreSQL or H2 way of switching the append-only triggers off for the tamper test. */
    protected abstract void triggers(boolean on);

    /** The same for the chain's positions ({@code audit_seal}). */
    protected abstract void sealTriggers(boolean on);

    @BeforeEach
    void auditor() {
        accounts.ensureAccount(new NewAccount(AUDITOR, "demo", "审计测试", Role.AUDITOR, Scope.global()));
    }

    UUID recordOne(String detail) {
        String objectId = UUID.randomUUID().toString();
        tx.executeWithoutResult(s -> audit.record(AuditAction.READ, "AuditContract", objectId, null, detail));
        return jdbc.sql("select id from audit_event where object_id = ?").param(objectId).query(UUID.class).single();
    }

    // ------------------------------------------------------------------ append-only

    @Test
    void updateDeleteAndTruncateOfTheTrailAreRefusedByTheDatabase() {
        UUID id = recordOne("append-only");
        long rows = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'forged' where id = ?").param(id).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate table audit_event").update()).isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isGreaterThanOrEqualTo(rows);
        assertThat(jdbc.sql("select detail from audit_event where id = ?").param(id).query(String.class).single())
                .isEqualTo("append-only");
    }

    // ------------------------------------------------------------------ hash chain

    @Test
    void aRowAlteredBehindTheTriggersIsReportedAsABreakWithItsPosition() {
        recordOne("before");
        UUID victim = recordOne("original");
        recordOne("after");
        assertThat(audit.verifyChain().intact()).as(audit.verifyChain().toString()).isTrue();
        long position = jdbc.sql("select chain_seq from audit_seal where event_id = ?").param(victim).query(Long.class).single();
        tamper(victim, "forged");
        try {
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(position);
            assertThat(v.brokenRow()).isEqualTo(victim);
            assertThat(v.reason()).isEqualTo("HASH_MISMATCH");
            assertThat(v.rowsChecked()).isEqualTo(position - 1);
            // the auditor's endpoint reports the same break
            var r = Api.as(port, AUDITOR).get("/api/audit/verify");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("intact").asBoolean()).isFalse();
            assertThat(r.json().get("brokenAt").asLong()).isEqualTo(position);
        } finally {
            tamper(victim, "original");
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    void tamper(UUID id, String detail) {
        triggers(false);
        try {
            jdbc.sql("update audit_event set detail = ? where id = ?").params(detail, id).update();
        } finally {
            triggers(true);
        }
    }

    @Test
    void aPositionMissingFromAWindowOfTheWalkIsReportedAsAGap() {
        // the walk reads the chain a window of 1,000 positions at a time: these rows reach into the second window
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 1001; i++) {
                audit.record(AuditAction.READ, "AuditContract", null, null, "window " + i);
            }
        });
        ChainVerification before = audit.verifyChain();
        assertThat(before.intact()).as(before.toString()).isTrue();
        assertThat(before.rowsChecked()).isGreaterThan(1000);
        Object[] last = jdbc.sql("select chain_seq, event_id, prev_hash, row_hash from audit_seal where chain_seq = 1000")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)})
                .single();
        sealTriggers(false);
        try {
            jdbc.sql("delete from audit_seal where chain_seq = 1000").update();
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).as(v.toString()).isFalse();
            assertThat(v.reason()).isEqualTo("GAP");
            assertThat(v.brokenAt()).isEqualTo(1000L);
            assertThat(v.rowsChecked()).isEqualTo(999L);
        } finally {
            jdbc.sql("insert into audit_seal (chain_seq, event_id, prev_hash, row_hash) values (?, ?, ?, ?)").params(last).update();
            sealTriggers(true);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        // the same load without the chain, as a yardstick for what serialising the chain append costs
        jdbc.sql("create table if not exists audit_contract_baseline (id uuid primary key, detail varchar(500))").update();
        double plain = rowsPerSecond(() -> {
            jdbc.sql("insert into audit_contract_baseline values (?, 'a')").param(UUID.randomUUID()).update();
            jdbc.sql("insert into audit_contract_baseline values (?, 'b')").param(UUID.randomUUID()).update();
        });
        double chained = rowsPerSecond(() -> {
            audit.record(AuditAction.READ, "AuditContract", null, null, "concurrent a");
            audit.record(AuditAction.READ, "AuditContract", null, null, "concurrent b");
        });
        System.out.printf("audit chain throughput, 8 threads x 40 transactions x 2 rows: chained %.0f rows/s, "
                + "plain inserts %.0f rows/s%n", chained, plain);
        ChainVerification v = audit.verifyChain();
        assertThat(v.intact()).as(v.toString()).isTrue();
        long max = jdbc.sql("select max(chain_seq) from audit_seal").query(Long.class).single();
        long inChain = jdbc.sql("select count(*) from audit_seal").query(Long.class).single();
        assertThat(inChain).isEqualTo(max);
    }

    @Test
    void aCommittedRowIsSealedAfterItsCommitWithoutAnyoneVerifying() throws InterruptedException {
        UUID id = recordOne("sealed by the sealer");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (position(id) == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(position(id)).as("chain position of a committed row, sealed in the background").isNotNull();
        assertThat(jdbc.sql("select count(*) from audit_unsealed where event_id = ?").param(id).query(Long.class).single())
                .isZero();
    }

    @Nullable
    Long position(UUID id) {
        return jdbc.sql("select chain_seq from audit_seal where event_id = ?").param(id).query(Long.class).optional().orElse(null);
    }

    @Test
    void aRowSlippedIntoTheTrailBehindTheApplicationIsReportedAsUnsealed() {
        recordOne("before the forged row");
        assertThat(audit.verifyChain().intact()).isTrue();
        // the triggers allow inserts: a row added straight into the table is neither chained nor waiting for the sealer
        UUID forged = forgeUnqueuedRow();
        try {
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).as(v.toString()).isFalse();
            assertThat(v.reason()).isEqualTo("UNSEALED");
            var r = Api.as(port, AUDITOR).get("/api/audit/verify");
            assertThat(r.json().get("reason").asText()).as(r.body()).isEqualTo("UNSEALED");
        } finally {
            removeBehindTheTriggers(forged);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    UUID forgeUnqueuedRow() {
        UUID forged = UUID.randomUUID();
        jdbc.sql("insert into audit_event (id, occurred_at, actor, action, object_type, outcome) "
                + "values (?, ?, 'forger', 'READ', 'AuditContract', 'SUCCESS')").params(forged, Timestamp.from(Instant.now())).update();
        return forged;
    }

    void removeBehindTheTriggers(UUID id) {
        triggers(false);
        try {
            jdbc.sql("delete from audit_event where id = ?").param(id).update();
        } finally {
            triggers(true);
        }
    }

    double rowsPerSecond(Runnable twoRows) throws Exception {
        int threads = 8;
        int txPerThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    for (int i = 0; i < txPerThread; i++) {
                        tx.executeWithoutResult(s -> twoRows.run());
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return threads * txPerThread * 2 / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void aQueuedRowReplacedByAnUnqueuedOneIsReportedAsUnsealed() {
        assertThat(audit.verifyChain().intact()).isTrue();
        // a queued row removed behind the triggers leaves its queue entry naming no row; a forged row put in its place
        // without a queue entry keeps every total equal, so only counting the queue against its rows shows it
        UUID removed = UUID.randomUUID();
        jdbc.sql("insert into audit_unsealed (event_id) values (?)").param(removed).update();
        UUID forged = forgeUnqueuedRow();
        try {
            ChainVerification v = audit.verifyChain();
            assertThat(v.intact()).as(v.toString()).isFalse();
            assertThat(v.reason()).isEqualTo("UNSEALED");
        } finally {
            jdbc.sql("delete from audit_unsealed where event_id = ?").param(removed).update();
            removeBehindTheTriggers(forged);
        }
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    @Test
    void aRolledBackTransactionLeavesNoRowAndNoGap() {
        String objectId = UUID.randomUUID().toString();
        try {
            tx.executeWithoutResult(s -> {
                audit.record(AuditAction.READ, "AuditContract", objectId, null, "rolled back");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertThat(jdbc.sql("select count(*) from audit_event where object_id = ?").param(objectId).query(Long.class).single()).isZero();
        assertThat(audit.verifyChain().intact()).isTrue();
    }

    // ------------------------------------------------------------------ purpose of use

    @Test
    void aClaimedPurposeIsRecordedBesideTheDerivedOneNeverAsIt() {
        var r = Api.as(port, "integrator").send("GET", "/api/audit/verify", null, Map.of("X-Purpose-Of-Use", "BTG"));
        assertThat(r.status()).isEqualTo(403);
        var row = newest("integrator");
        assertThat(row.purpose()).isEqualTo("INTEGRATION");
        assertThat(row.claimedPurpose()).isEqualTo("BTG");
    }

    // ------------------------------------------------------------------ denials

    @Test
    void deniedAndUnauthenticatedRequestsAreAuditedWithWhoWhatAndWhere() {
        var forbidden = Api.as(port, "gp").get("/api/audit/verify");
        assertThat(forbidden.status()).isEqualTo(403);
        var row = newest("gp");
        assertThat(row.outcome()).isEqualTo("DENIED");
        assertThat(row.objectId()).isEqualTo("/api/audit/verify");
        assertThat(row.actorRole()).isEqualTo("GP");
        assertThat(row.clientAddress()).isEqualTo("127.0.0.1");

        var fhir = Api.as(port, "gp").getFhir("/fhir/AuditEvent");
        assertThat(fhir.status()).isEqualTo(403);
        assertThat(newest("gp").objectId()).isEqualTo("/fhir/AuditEvent");

        String path = "/api/residents/" + UUID.randomUUID();
        assertThat(Api.anonymous(port).get(path).status()).isEqualTo(401);
        var anonymous = newest("anonymous");
        assertThat(anonymous.outcome()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.objectId()).isEqualTo(path);
        assertThat(anonymous.clientAddress()).isEqualTo("127.0.0.1");
    }

    AuditEntry newest(String actor) {
        var rows = audit.search(new AuditTrail.AuditQuery(actor, null, null, null, 1));
        assertThat(rows).as("audit rows of " + actor).isNotEmpty();
        return rows.get(0);
    }

    // ------------------------------------------------------------------ replays

    @Test
    void anIdempotencyKeyReplayOfAResidentRegistrationIsAudited() {
        var site = ResidentsFixture.site(registry, accounts);
        var gp = Api.as(port, site.gpUser());
        String body = "{\"idNumber\":\"" + ResidentsFixture.idNumber(LocalDate.of(1971, 4, 2), true) + "\",\"name\":\"审计回放\"}";
        String key = "audit-replay-" + UUID.randomUUID();
        var first = gp.send("POST", "/api/residents", body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String resident = first.json().get("resident").get("id").get("value").asString();
        long before = audit.count(new AuditTrail.AuditQuery(null, null, null, resident, 1000));
        var replay = gp.send("POST", "/api/residents", body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(audit.count(new AuditTrail.AuditQuery(null, null, null, resident, 1000))).isEqualTo(before + 1);
        var row = audit.search(new AuditTrail.AuditQuery(null, null, null, resident, 1)).get(0);
        assertThat(row.actor()).isEqualTo(site.gpUser());
        assertThat(row.detail()).contains("Idempotency-Key replay");
    }

    // ------------------------------------------------------------------ export and verification

    @Test
    void theAuditorExportsFilteredCsvAndTheExportIsItselfAudited() {
        UUID marker = recordOne("=cmd,x");
        String actor = "system";
        var r = Api.as(port, AUDITOR).get("/api/audit/export.csv?actor=" + actor + "&action=READ&from=2020-01-01T00:00:00Z");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        // a value a spreadsheet would run as a formula is neutralised; only the filtered actor's rows are there
        assertThat(r.body()).contains(marker.toString()).contains("\"'=cmd,x\"").doesNotContain(",GP,").doesNotContain(",SPECIALIST,");
        var exportRow = newest(AUDITOR);
        assertThat(exportRow.action()).isEqualTo(AuditAction.EXPORT);
        assertThat(exportRow.detail()).contains("CSV").contains("actor=system");
    }

    @Test
    void onlyTheAuditorMayExportOrVerify() {
        for (String user : List.of("gp", "specialist", "integrator", "planner", "admin", "secadmin")) {
            assertThat(Api.as(port, user).get("/api/audit/export.csv").status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/audit/verify").status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).getFhir("/fhir/AuditEvent").status()).as(user).isEqualTo(403);
        }
        assertThat(Api.as(port, AUDITOR).getFhir("/fhir/AuditEvent?_count=5").status()).isEqualTo(200);
    }
}
