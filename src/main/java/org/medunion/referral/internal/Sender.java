package org.medunion.referral.internal;

import java.util.UUID;

/** Who sends the referral: the institution, optionally the practitioner, and the account that created it. */
record Sender(UUID institutionId, UUID practitionerId, String username) {
}
