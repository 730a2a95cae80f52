package org.medunion.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditEntry;
import org.medunion.audit.AuditRecord;
import org.medunion.audit.AuditTrail;
import org.medunion.audit.ChainVerification;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The trail over JDBC. Rows are collected during the caller's transaction and inserted, with one batch, just before
 * it commits, together with their places on the sealer's queue; {@link AuditSealer} chains them after the commit
 * (decision 0272), so writers never wait for one another over the chain head.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final RowMapper<AuditEntry> ROWS = (rs, n) -> new AuditEntry(rs.getObject("id", UUID.class),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
            AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"), rs.getString("object_id"),
            rs.getString("resident_ref"), rs.getString("client_address"), rs.getString("purpose"),
            rs.getString("outcome"), rs.getString("detail"), rs.getString("claimed_purpose"));

    private static final String INSERT = """
            insert into audit_event (id, occurred_at, actor, actor_role, action, object_type, object_id, resident_ref,
                                     client_address, purpose, claimed_purpose, outcome, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final CurrentUsers users;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AuditSealer sealer;

    JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate batch, CurrentUsers users, Clock clock, TransactionTemplate tx,
                   AuditSealer sealer) {
        this.tx = tx;
        this.sealer = sealer;
        this.jdbc = jdbc;
        this.batch = batch;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord e) {
        CurrentUser user = e.actor() != null ? null : users.current().orElse(null);
        HttpServletRequest request = currentRequest();
        String actor = e.actor() != null ? e.actor() : user == null ? "system" : user.username();
        String role = e.actor() != null ? e.actorRole() : user == null ? null : user.role().name();
        String address = e.clientAddress() != null ? e.clientAddress() : request == null ? null : request.getRemoteAddr();
        String purpose = e.purpose() != null ? Purposes.code(e.purpose())
                : Purposes.of(user != null ? user.role() : Purposes.role(role));
        // microseconds: what both databases store, so the hash computed now matches the row read back
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var row = new AuditChain.Row(0, UUID.randomUUID(), at, clean(actor, 64), clean(role, 20), e.action().name(),
                clean(e.objectType(), 40), clean(e.objectId(), 64), clean(e.residentRef(), 64), clean(address, 64),
                clean(purpose, 40), Purposes.claimed(request), e.outcome() == null ? AuditRecord.SUCCESS : e.outcome(),
                clean(e.detail(), 500), null, null);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            pending().add(row);
        } else {
            // reached through a default method of AuditTrail, past the proxy's @Transactional: a transaction of its
            // own, so the rows are always written by a transaction synchronisation before a real commit
            tx.executeWithoutResult(s -> pending().add(row));
        }
    }

    /**
     * This transaction's rows, held by its synchronization (not a bound resource) so that a REQUIRES_NEW
     * transaction inside, whose synchronizations are separate, appends its own rows at its own commit.
     */
    private List<AuditChain.Row> pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof PendingRows p && p.trail == this) {
                return p.rows;
            }
        }
        var p = new PendingRows(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p.rows;
    }

    private static final class PendingRows implements TransactionSynchronization {

        private final JdbcAuditTrail trail;
        private final List<AuditChain.Row> rows = new ArrayList<>();

        PendingRows(JdbcAuditTrail trail) {
            this.trail = trail;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            trail.append(rows);
        }

        @Override
        public void afterCommit() {
            trail.sealer.wake();
        }
    }

    private void append(List<AuditChain.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var params = new ArrayList<Object[]>(rows.size());
        var queued = new ArrayList<Object[]>(rows.size());
        for (AuditChain.Row r : rows) {
            params.add(new Object[] {r.id(), Timestamp.from(r.occurredAt()), r.actor(), r.actorRole(), r.action(), r.objectType(),
                    r.objectId(), r.residentRef(), r.clientAddress(), r.purpose(), r.claimedPurpose(), r.outcome(), r.detail()});
            queued.add(new Object[] {r.id()});
        }
        batch.batchUpdate(INSERT, params);
        batch.batchUpdate("insert into audit_unsealed (event_id) values (?)", queued);
        rows.clear();
    }

    @Override
    public ChainVerification verifyChain() {
        // what has committed so far is checked, not left waiting for the next pass
        sealer.sealAll();
        return AuditChain.verify(jdbc);
    }

    @Override
    public List<AuditEntry> search(AuditQuery q) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        params.add(Math.max(1, Math.min(q.limit(), 1000)));
        params.add(Math.max(0, q.offset()));
        return jdbc.sql("select * from audit_event" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(params).query(ROWS).list();
    }

    @Override
    public long count(AuditQuery q) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        return jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
    }

    @Override
    public Slice<AuditEntry> search(AuditQuery q, Set<AuditAction> actions, @Nullable Instant from, @Nullable Instant to,
                                    int offset) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        if (!actions.isEmpty()) {
            where.append(" and action in (").append(String.join(", ", Collections.nCopies(actions.size(), "?"))).append(")");
            actions.stream().map(AuditAction::name).sorted().forEach(params::add);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at <= ?");
            params.add(Timestamp.from(to));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        var page = new ArrayList<Object>(params);
        page.add(Math.max(1, Math.min(q.limit(), 1000)));
        page.add(Math.max(0, offset));
        // id breaks ties between events of the same instant, so offset pages neither repeat nor skip a row
        var rows = jdbc.sql("select * from audit_event" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(page).query(ROWS).list();
        return new Slice<>(rows, total);
    }

    @Override
    public Optional<AuditEntry> find(UUID id) {
        return jdbc.sql("select * from audit_event where id = ?").param(id).query(ROWS).optional();
    }

    private static void filter(AuditQuery q, StringBuilder where, List<Object> params) {
        condition(where, params, " and actor = ?", q.actor());
        condition(where, params, " and object_type = ?", q.objectType());
        condition(where, params, " and object_id = ?", q.objectId());
        condition(where, params, " and resident_ref = ?", q.residentRef());
        condition(where, params, " and action = ?", q.action() == null ? null : q.action().name());
        condition(where, params, " and occurred_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
        condition(where, params, " and occurred_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, @Nullable Object value) {
        if (value != null) {
            where.append(sql);
            params.add(value);
        }
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs ? attrs.getRequest() : null;
    }

    /**
     * Text as the databases will store and return it: no NUL (PostgreSQL refuses it) and no lone surrogate
     * (UTF-8 cannot carry it), else the hash computed now would not match the row read back.
     */
    static @Nullable String clean(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        var sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (sb.length() + 2 > max) {
                    break;
                }
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
