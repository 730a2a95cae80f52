package org.medunion.fhir.internal.diagnostics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;

/**
 * One kind of FHIR Communication MedUnion serves (docs/decisions/0232, 0245): the shared
 * {@link CommunicationResourceProvider} reads by the id's prefix, searches every kind and hands a posted Communication
 * to the kind that {@link #creates} it. A module adding its own adds a bean with a prefix of its own; each kind scopes
 * and audits through its module's API.
 */
public interface CommunicationKind {

    /** The id prefix of this kind, ending in a dash ({@code explanation-}); the rest of the id is the kind's own. */
    String prefix();

    /** The Communication with this id (without the prefix) if the caller may see it; empty is 404. */
    Optional<Communication> read(String rest);

    /** The UUID the rest of an id is, if it is one (a malformed id is simply not found). */
    static Optional<UUID> uuid(String rest) {
        try {
            return Optional.of(UUID.fromString(rest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The patient's Communications of this kind the caller may see, newest first (empty without a care relationship). */
    List<Communication> ofPatient(UUID resident);

    /**
     * The Communications of this kind {@code basedOn} the request the reference names ({@code ServiceRequest/<id>}),
     * in the order they were sent; empty when the kind keeps none or the caller may not see them.
     */
    default List<Communication> basedOn(String reference) {
        return List.of();
    }

    /** Whether this kind records a Communication a client posts (at most one kind claims each). */
    default boolean creates(Communication posted) {
        return false;
    }

    /** Records the posted Communication through the owning module (its checks, its audit) and returns it as stored. */
    default Communication create(Communication posted) {
        throw new UnsupportedOperationException(prefix());
    }
}
