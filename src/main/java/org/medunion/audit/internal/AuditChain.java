package org.medunion.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    static ChainVerification verify(JdbcClient jdbc) {
        // the head first: rows appended while we walk belong to a later check, not to a false "missing row"
        long headSeq = jdbc.sql("select chain_seq from audit_chain_head where id = 1").query(Long.class).single();
        String headHash = jdbc.sql("select last_hash from audit_chain_head where id = 1").query(String.class).single();
        long expectedSeq = 1;
        String prev = GENESIS;
        long checked = 0;
        while (true) {
            List<Row> page = jdbc.sql("select * from audit_event where chain_seq >= ? and chain_seq <= ? order by chain_seq limit " + PAGE)
                    .params(expectedSeq, headSeq).query((rs, n) -> new Row(rs.getLong("chain_seq"), rs.getObject("id", UUID.class),
                            rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                            rs.getString("actor_role"), rs.getString("action"), rs.getString("object_type"),
                            rs.getString("object_id"), rs.getString("resident_ref"), rs.getString("client_address"),
                            rs.getString("purpose"), rs.getString("claimed_purpose"), rs.getString("outcome"),
                            rs.getString("detail"), rs.getString("prev_hash"), rs.getString("row_hash")))
                    .list();
            for (Row r : page) {
                if (r.seq() != expectedSeq) {
                    return new ChainVerification(false, checked, expectedSeq, null, "GAP");
                }
                if (!prev.equals(r.prevHash())) {
                    return new ChainVerification(false, checked, r.seq(), r.id(), "LINK_MISMATCH");
                }
                String expected = hash(r, prev);
                if (!expected.equals(r.rowHash())) {
                    return new ChainVerification(false, checked, r.seq(), r.id(), "HASH_MISMATCH");
                }
                prev = expected; // equal to the stored row hash, and known not to be null
                expectedSeq++;
                checked++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (headSeq != checked || !headHash.equals(prev)) {
            return new ChainVerification(false, checked, checked + 1, null, "HEAD_MISMATCH");
        }
        return new ChainVerification(true, checked, null, null, null);
    }
}
