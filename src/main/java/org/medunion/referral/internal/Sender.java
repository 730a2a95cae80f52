package org.medunion.referral.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Who sends the referral: the institution, optionally the practitioner, and the account that created it. */
record Sender(@Nullable UUID institutionId, @Nullable UUID practitionerId, String username) {
}
