package org.medunion.referral.internal;

import java.util.UUID;

/** The resident referred: ID, ID number (may be null) and name as given by the sender. */
record ReferredResident(UUID id, String idNumber, String name) {
}
