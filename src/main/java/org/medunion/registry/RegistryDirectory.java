package org.medunion.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Look-ups across the caller's scope, each for a named purpose and each reading only what it returns.
 * Institutions and consortia are public organisation data: a referral's other side, a GP's consortia or a
 * contract's hospitals must be named whatever the caller's scope. Practitioner look-ups serve reference
 * checks and team rosters; the calling module checks that the caller may act on the record that refers
 * to them. Nothing here lists the whole city: that is {@link org.medunion.registry.unscoped.CityWideRegistry}.
 */
public interface RegistryDirectory {

    /** One institution by ID, unaudited (an existence check or the other side of a relation). */
    Optional<InstitutionView> institutionEntry(InstitutionId id);

    /** A division of GB/T 2260 the registry knows (district, city or province), for showing its name. */
    Optional<DistrictView> district(String code);

    /** Names of the given institutions; unknown IDs are left out. */
    Map<InstitutionId, String> institutionNames(Collection<InstitutionId> ids);

    /** IDs of the institutions whose district lies inside a division (a city code covers its districts). */
    Set<InstitutionId> institutionsWithin(String divisionCode);

    /** Secondary and tertiary hospitals (not primary care), by name: the hospitals a family-doctor contract names. */
    List<InstitutionView> hospitals();

    /** One consortium by ID, unaudited. */
    Optional<ConsortiumView> consortiumEntry(ConsortiumId id);

    /** Active consortia in which the institution has a membership without an end date. */
    List<ConsortiumView> activeConsortiaOf(InstitutionId id);

    /** One practitioner by ID, unaudited (a reference check by a module that checks its own scope). */
    Optional<PractitionerView> practitionerEntry(PractitionerId id);

    /** Names of the given practitioners (a team's roster); unknown IDs are left out. */
    Map<PractitionerId, String> practitionerNames(Collection<PractitionerId> ids);

    /**
     * The agreements (and charters) naming both institutions as parties, of any consortium: a consultation's TM-1
     * gate looks for a telemedicine-capable agreement between the inviting and the invited institution.
     */
    List<AgreementView> agreementsBetween(InstitutionId a, InstitutionId b);

    /** The dispatches of one practitioner (TM-5: practising at an institution by dispatch, CQ-7). */
    List<DispatchView> dispatchesOf(PractitionerId id);
}
