package org.medunion.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.ChainVerification;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tamper evidence of the trail: each row's hash is SHA-256 over its canonical form and its predecessor's
 * hash, so altering, removing or inserting a row behind the database triggers' back breaks every later link.
 * Plain JDBC only, so the command-line check ({@link AuditChainCheck}) uses it without the application.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private AuditChain() {
    }

    /** The stored fields of one row that the hash covers. */
    record Row(long seq, UUID id, Instant occurredAt, @Nullable String actor, @Nullable String actorRole, String action,
               @Nullable String objectType, @Nullable String objectId, @Nullable String residentRef,
               @Nullable String clientAddress, @Nullable String purpose, @Nullable String claimedPurpose,
               String outcome, @Nullable String detail, @Nullable String prevHash, @Nullable String rowHash) {

        /** The same row at a chain position. */
        Row at(long position) {
            return new Row(position, id, occurredAt, actor, actorRole, action, objectType, objectId, residentRef, clientAddress,
                    purpose, claimedPurpose, outcome, detail, prevHash, rowHash);
        }
    }

    /** An {@code audit_event} row as the hash sees it, at a chain position with its stored links. */
    static Row row(ResultSet rs, long seq, @Nullable String prevHash, @Nullable String rowHash) throws SQLException {
        return new Row(seq, rs.getObject("id", UUID.class), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("action"), rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("resident_ref"), rs.getString("client_address"),
                rs.getString("purpose"), rs.getString("claimed_purpose"), rs.getString("outcome"), rs.getString("detail"),
                prevHash, rowHash);
    }

    /** Length-prefixed fields (null distinct from empty), so no choice of separator can make two rows collide. */
    static String hash(Row r, String prevHash) {
        var sb = new StringBuilder();
        for (Object field : new Object[] {r.seq(), r.id(), r.occurredAt().getEpochSecond() + "." + r.occurredAt().getNano(),
                r.actor(), r.actorRole(), r.action(), r.objectType(), r.objectId(), r.residentRef(), r.clientAddress(),
                r.purpose(), r.claimedPurpose(), r.outcome(), r.detail(), prevHash}) {
            String s = field == null ? null : field.toString();
            sb.append(s == null ? "-1:" : s.length() + ":" + s).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Walks the chain from position 1 to the head, then checks that every other row of the trail is waiting for
     * the sealer or older than the chain, so a row removed or slipped in before it was sealed is noticed too.
     */
    static ChainVerification verify(JdbcClient jdbc) {
        // the head first: rows sealed while we walk belong to a later check, not to a false "missing row"
        var head = jdbc.sql("select chain_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long headSeq = (Long) head[0];
        long expectedSeq = 1;
        String prev = GENESIS;
        long checked = 0;
        // a window of positions per page, not "from here on, limit 1000": positions are dense, and on the open range
        // PostgreSQL, its statistics lagging behind a fast-growing chain, joined every later position before sorting
        // (625 ms a page at 220,000 rows: a verification outlasted a 60-s request); a window joins 1,000 rows at most
        for (long from = 1; from <= headSeq; from += PAGE) {
            long until = Math.min(from + PAGE, headSeq + 1);
            for (Row r : window(jdbc, from, until)) {
                if (r.seq() != expectedSeq || r.rowHash() == null) {
                    return new ChainVerification(false, checked, expectedSeq, null, "GAP", 0);
                }
                if (!prev.equals(r.prevHash())) {
                    return new ChainVerification(false, checked, r.seq(), r.id(), "LINK_MISMATCH", 0);
                }
                String expected = hash(r, prev);
                if (!expected.equals(r.rowHash())) {
                    return new ChainVerification(false, checked, r.seq(), r.id(), "HASH_MISMATCH", 0);
                }
                prev = expected; // equal to the stored row hash, and known not to be null
                expectedSeq++;
                checked++;
            }
            if (expectedSeq != until) {
                // the window ended before its last position: that position and the ones after it are missing
                return new ChainVerification(false, checked, expectedSeq, null, "GAP", 0);
            }
        }
        // every window came back whole, so all positions up to the head were checked: only the head's hash is left
        if (!head[1].equals(prev)) {
            return new ChainVerification(false, checked, checked + 1, null, "HEAD_MISMATCH", 0);
        }
        return accounted(jdbc, checked);
    }

    /** Positions {@code from} to {@code until - 1} with their rows; a sealed row deleted from the trail comes without one. */
    private static List<Row> window(JdbcClient jdbc, long from, long until) {
        return jdbc.sql("""
                select s.chain_seq as seal_seq, s.prev_hash as seal_prev, s.row_hash as seal_hash, s.event_id, e.*
                from audit_seal s left join audit_event e on e.id = s.event_id
                where s.chain_seq >= ? and s.chain_seq < ? order by s.chain_seq""")
                .params(from, until).query((rs, n) -> rs.getObject("id", UUID.class) == null
                        ? new Row(rs.getLong("seal_seq"), rs.getObject("event_id", UUID.class), Instant.EPOCH, null, null,
                                "", null, null, null, null, null, null, "", null, null, null)
                        : row(rs, rs.getLong("seal_seq"), rs.getString("seal_prev"), rs.getString("seal_hash")))
                .list();
    }

    /**
     * One statement, so one snapshot: a writer inserts and queues its rows in one transaction and the sealer seals
     * and takes them off the queue in one, so in any snapshot the trail holds exactly the sealed rows, the queued
     * rows and the rows older than the chain. The counts alone miss a queued row replaced by one slipped in unqueued
     * (the totals stay equal), so the queue is also counted against the rows it names.
     */
    private static ChainVerification accounted(JdbcClient jdbc, long checked) {
        long[] counts = jdbc.sql("""
                select (select count(*) from audit_event), (select chain_seq + outside_chain from audit_chain_head where id = 1),
                       (select count(*) from audit_unsealed),
                       (select count(*) from audit_unsealed q join audit_event e on e.id = q.event_id)""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        long waiting = counts[2];
        if (counts[0] != counts[1] + waiting || counts[3] != waiting) {
            return new ChainVerification(false, checked, checked + 1, null, "UNSEALED", waiting);
        }
        return new ChainVerification(true, checked, null, null, null, waiting);
    }
}
