package org.medunion.fhir.internal.diagnostics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Communication;

/**
 * One kind of FHIR Communication MedUnion serves (docs/decisions/0232): the shared {@link CommunicationResourceProvider}
 * reads by the id's prefix and searches every kind. A module adding its own (a consultation's message to the patient)
 * adds a bean with a prefix of its own; each kind scopes and audits through its module's API.
 */
public interface CommunicationKind {

    /** The id prefix of this kind, ending in a dash ({@code explanation-}); the rest of the id is the kind's own. */
    String prefix();

    /** The Communication with this id (without the prefix) if the caller may see it; empty is 404. */
    Optional<Communication> read(String rest);

    /** The patient's Communications of this kind the caller may see, newest first (empty without a care relationship). */
    List<Communication> ofPatient(UUID resident);
}
