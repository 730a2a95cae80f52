package org.medunion.residents;

import java.util.Objects;
import java.util.UUID;

/** Typed ID of a contract; other modules keep only this, never a foreign key. */
public record ContractId(UUID value) {

    public ContractId {
        Objects.requireNonNull(value, "value");
    }

    public static ContractId of(String value) {
        return new ContractId(UUID.fromString(value));
    }

    public static ContractId random() {
        return new ContractId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
