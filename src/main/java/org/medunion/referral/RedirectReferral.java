package org.medunion.referral;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Sends a submitted referral on to another institution, where it is submitted afresh. */
public record RedirectReferral(@Nullable UUID toInstitutionId, @Nullable String toDepartment, @Nullable String reason) {
}
