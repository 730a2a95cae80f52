package org.medunion.referral.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The resident referred: ID, ID number (may be null) and name as given by the sender. */
record ReferredResident(UUID id, @Nullable String idNumber, @Nullable String name) {
}
