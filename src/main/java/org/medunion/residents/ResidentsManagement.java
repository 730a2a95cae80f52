package org.medunion.residents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.shared.Slice;

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
    Slice<ResidentView> search(ResidentSearch search, int offset);

    ResidentView link(ResidentId id, LinkRecord command);

    /** Possible duplicates awaiting review (same name, birth date and sex, different ID numbers), in scope. */
    List<PossibleDuplicate> possibleDuplicates();

    /** Residents flagged as possible duplicates of this one (open, in the caller's scope) — FHIR Patient.link. */
    List<ResidentId> possibleDuplicatesOf(ResidentId id);

    /** Counts for planners and administrators. */
    ResidentStatistics statistics();

    // care relationships (issue 10): the one place that answers "may X read resident R, and why"

    /** The care relationship between an institution and a resident, if any. Not scoped (IDs only). */
    Optional<CareRelationship> relationship(InstitutionId institution, ResidentId resident);

    /**
     * Why the current caller may read the resident, if at all — the same answer for a resident that does not
     * exist as for one the caller has no relationship with. Other modules call it before creating anything
     * that names a resident (a referral, a booking): naming a resident never grants access by itself.
     */
    Optional<CareRelationship> callerRelationship(ResidentId resident);

    /**
     * Break-the-glass: a GP or specialist opens a resident they have no relationship with, for a reason
     * (required), for a limited time; audited and reported to the resident's contracted institution.
     */
    BreakTheGlassView breakTheGlass(ResidentId resident, @Nullable String reason);

    /** Break-the-glass accesses reported to the caller's institution (its contracted residents), newest first. */
    List<BreakTheGlassView> breakTheGlassReports();

    // teams

    TeamView formTeam(FormTeam command);

    Optional<TeamView> team(TeamId id);

    /** Teams of a primary institution (NN-5 checks of the policy module may use it). Not scoped. */
    List<TeamView> teamsOf(InstitutionId institutionId);

    /** Teams a practitioner is a member of. Not scoped (no personal data). */
    List<TeamView> teamsWithMember(PractitionerId practitionerId);

    // contracts

    ContractView signContract(SignContract command);

    ContractView renewContract(ContractId id, @Nullable RenewContract command);

    ContractView endContract(ContractId id, EndContract command);

    Optional<ContractView> contract(ContractId id);

    List<ContractView> contractsOf(ResidentId residentId);

    /**
     * A page of the contracts whose team lists the practitioner, limited to the residents the caller may read
     * (their care relationships, as in a resident search) and audited per contract returned; ordered by start
     * date. {@code updatedFrom}/{@code updatedTo} (inclusive, null = open) keep contracts changed in that range.
     */
    default Slice<ContractView> contractsWithMember(PractitionerId practitionerId, @Nullable Instant updatedFrom,
                                                    @Nullable Instant updatedTo, int limit, int offset) {
        throw new UnsupportedOperationException("contractsWithMember");
    }

    /** The contract covering {@code date}, if any. Not scoped (IDs only). */
    Optional<ContractView> activeContract(ResidentId residentId, LocalDate date);

    /** Contracts (any status) in which the institution is the primary institution, district or municipal hospital. */
    List<ContractView> contractsOfInstitution(InstitutionId institutionId);

    /** Whether the resident index holds this ID. Not scoped, not audited (an existence check, no personal data). */
    boolean residentExists(ResidentId residentId);

    /**
     * The contract a referral names, for the referral module's reference check (IDs only, like
     * {@link #activeContract}). Not scoped: the referral module checks its own caller.
     */
    Optional<ContractView> contractReference(ContractId id);

    /** Whether the resident has a contract in force today involving the institution (any of the three). */
    boolean isContractedWith(ResidentId residentId, InstitutionId institutionId);

    // bulk (demo data, imports): validated like the single commands, batch inserts, one audit row per batch

    /** Registers many residents; ID numbers already in the index (or repeated in the list) are linked, not duplicated. */
    List<ResidentId> importResidents(List<RegisterResident> commands);

    List<TeamId> importTeams(List<FormTeam> commands);

    List<ContractId> importContracts(List<SignContract> commands);
}
