package org.medunion.referral;

import java.util.UUID;

/** Sends a submitted referral on to another institution, where it is submitted afresh. */
public record RedirectReferral(UUID toInstitutionId, String toDepartment, String reason) {
}
