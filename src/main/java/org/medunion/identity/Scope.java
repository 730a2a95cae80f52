package org.medunion.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.DivisionCode;

/**
 * The part of the jurisdiction an account works in.
 *
 * @param type      what {@code reference} points at
 * @param reference a GB/T 2260 code for jurisdictions, a UUID for consortia and institutions, null for global
 */
public record Scope(ScopeType type, @Nullable String reference) {

    public static Scope global() {
        return new Scope(ScopeType.GLOBAL, null);
    }

    public static Scope jurisdiction(String divisionCode) {
        return new Scope(ScopeType.JURISDICTION, divisionCode);
    }

    public static Scope consortium(UUID consortiumId) {
        return new Scope(ScopeType.CONSORTIUM, consortiumId.toString());
    }

    public static Scope institution(UUID institutionId) {
        return new Scope(ScopeType.INSTITUTION, institutionId.toString());
    }

    /** Whether a GB/T 2260 division lies inside a jurisdiction scope (a city code such as 310000 covers 3101xx). */
    public boolean coversDivision(@Nullable String divisionCode) {
        return switch (type) {
            case GLOBAL -> true;
            case JURISDICTION -> DivisionCode.covers(reference, divisionCode);
            default -> false;
        };
    }

    public @Nullable UUID referenceId() {
        return reference == null ? null : UUID.fromString(reference);
    }

    /** The UUID of a consortium or institution scope; an account of either type always has one. */
    public UUID requiredReferenceId() {
        UUID id = referenceId();
        if (id == null) {
            throw new IllegalStateException("a " + type + " scope without its reference");
        }
        return id;
    }
}
