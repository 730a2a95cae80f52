package org.medunion.referral;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a referral. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralId of(String value) {
        return new ReferralId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
