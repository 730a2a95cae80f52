package org.medunion.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medunion.registry.InstitutionId;

/**
 * The residents module's facade.
 * <p>
 * Resident reads are scoped and audited: ADMIN sees everybody; GP and SPECIALIST (institution scope) see
 * residents contracted with their institution (as team, district or municipal hospital), residents whose
 * record their institution registered, and residents granted by a {@link ResidentAccessExtension}; PLANNER
 * gets aggregates only ({@link #statistics()}), identities are 403. Views mask ID and phone unless
 * {@code role.seesFullIdentifiers()}. Out-of-scope residents are reported as absent (404), not forbidden.
 * <p>
 * Contract and team queries ({@link #activeContract}, {@link #isContractedWith}, {@link #contractsOfInstitution},
 * {@link #teamsOf}) carry only typed IDs and serve other modules' checks; they are not scoped.
 */
public interface ResidentsManagement {

    // residents (scoped, audited)

    Registration register(RegisterResident command);

    Optional<ResidentView> resident(ResidentId id);

    Optional<ResidentView> findByIdNumber(String idNumber);

    List<ResidentView> search(ResidentSearch search);

    /**
     * One page of a search ({@code search.limit()} rows from {@code offset}, cut in SQL) and the number of all
     * matches in the caller's scope; only the residents returned are audited.
     */
    org.medunion.shared.Slice<ResidentView> search(ResidentSearch search, int offset);

    ResidentView link(ResidentId id, LinkRecord command);

    /** Possible duplicates awaiting review (same name, birth date and sex, different ID numbers), in scope. */
    List<PossibleDuplicate> possibleDuplicates();

    /** Residents flagged as possible duplicates of this one (open, in the caller's scope) — FHIR Patient.link. */
    List<ResidentId> possibleDuplicatesOf(ResidentId id);

    /** Counts for planners and administrators. */
    ResidentStatistics statistics();

    // teams

    TeamView formTeam(FormTeam command);

    Optional<TeamView> team(TeamId id);

    /** Teams of a primary institution (NN-5 checks of the policy module may use it). Not scoped. */
    List<TeamView> teamsOf(InstitutionId institutionId);

    /** Teams a practitioner is a member of. Not scoped (no personal data). */
    List<TeamView> teamsWithMember(org.medunion.registry.PractitionerId practitionerId);

    // contracts

    ContractView signContract(SignContract command);

    ContractView renewContract(ContractId id, RenewContract command);

    ContractView endContract(ContractId id, EndContract command);

    Optional<ContractView> contract(ContractId id);

    List<ContractView> contractsOf(ResidentId residentId);

    /** The contract covering {@code date}, if any. Not scoped (IDs only). */
    Optional<ContractView> activeContract(ResidentId residentId, LocalDate date);

    /** Contracts (any status) in which the institution is the primary institution, district or municipal hospital. */
    List<ContractView> contractsOfInstitution(InstitutionId institutionId);

    /** Whether the resident index holds this ID. Not scoped, not audited (an existence check, no personal data). */
    boolean residentExists(ResidentId residentId);

    /** A contract by ID for other modules' checks (IDs only, like {@link #activeContract}). Not scoped. */
    Optional<ContractView> contractUnscoped(ContractId id);

    /** Whether the resident has a contract in force today involving the institution (any of the three). */
    boolean isContractedWith(ResidentId residentId, InstitutionId institutionId);

    // bulk (demo data, imports): validated like the single commands, batch inserts, one audit row per batch

    /** Registers many residents; ID numbers already in the index (or repeated in the list) are linked, not duplicated. */
    List<ResidentId> importResidents(List<RegisterResident> commands);

    List<TeamId> importTeams(List<FormTeam> commands);

    List<ContractId> importContracts(List<SignContract> commands);
}
