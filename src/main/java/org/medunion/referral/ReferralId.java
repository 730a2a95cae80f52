package org.medunion.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Typed ID of a referral; in JSON a plain UUID string. */
public record ReferralId(UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReferralId(UUID value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    @Override
    @JsonValue
    public UUID value() {
        return value;
    }

    public static ReferralId of(String value) {
        return new ReferralId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
