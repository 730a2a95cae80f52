package org.medunion.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Result of walking the audit hash chain.
 *
 * @param rowsChecked chained rows read before the first break (all of them when intact)
 * @param brokenAt    chain position (1-based) of the first row that does not match, null when intact
 * @param brokenRow   that row's ID, null when the break is a missing row or the chain head
 * @param reason      {@code HASH_MISMATCH} (row altered), {@code LINK_MISMATCH} (predecessor altered or replaced),
 *                    {@code GAP} (rows missing), {@code HEAD_MISMATCH} (rows missing at the end), {@code UNSEALED}
 *                    (a row of the trail neither in the chain nor waiting for it, or a waiting row missing), null when
 *                    intact
 * @param waiting     rows committed but not yet sealed into the chain when the check ended (decision 0272)
 */
public record ChainVerification(boolean intact, long rowsChecked, @Nullable Long brokenAt, @Nullable UUID brokenRow,
                                @Nullable String reason, long waiting) {
}
