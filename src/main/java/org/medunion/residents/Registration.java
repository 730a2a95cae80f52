package org.medunion.residents;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of registering a resident.
 *
 * @param possibleDuplicates other residents with the same name, birth date, sex (and phone, if both have one)
 *                           but a different ID number — flagged for review, never merged silently
 */
public record Registration(@Nullable ResidentView resident, Outcome outcome, List<ResidentId> possibleDuplicates) {

    public enum Outcome {
        /** A new resident was created. */
        CREATED,
        /** The ID number was already known: the record was linked to the existing resident. */
        LINKED_EXISTING
    }
}
