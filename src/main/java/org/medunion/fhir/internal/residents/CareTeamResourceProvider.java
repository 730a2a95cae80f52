package org.medunion.fhir.internal.residents;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Versions;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Component;

/**
 * CareTeam: family-doctor teams and "1+1+1" contracts (see {@link CareTeamMapper}). Read by id (a team or a
 * contract), search by {@code patient} (the resident's contracts, scoped and audited) or {@code participant}
 * (the teams a practitioner belongs to).
 */
@Component
class CareTeamResourceProvider implements IResourceProvider {

    private final ResidentsManagement residents;

    CareTeamResourceProvider(ResidentsManagement residents) {
        this.residents = residents;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return CareTeam.class;
    }

    /** read, and vread of the current version (older versions are not kept: 404, docs/fhir.md "Versions"). */
    @Read(version = true)
    public CareTeam read(@IdParam IdType id) {
        return Versions.current(id, readCurrent(id));
    }

    private CareTeam readCurrent(IdType id) {
        UUID uuid = uuid(id.getIdPart(), "id");
        var team = residents.team(new TeamId(uuid));
        if (team.isPresent()) {
            return CareTeamMapper.team(team.get());
        }
        ContractView contract = residents.contract(new ContractId(uuid)).orElseThrow(() -> new ResourceNotFoundException(id));
        return CareTeamMapper.contract(contract, residents.team(contract.teamId()).orElse(null));
    }

    /**
     * {@code patient}: the resident's contracts; {@code participant}: the teams the practitioner belongs to and the
     * contracts of those teams the caller may read (scoped and audited in the residents module, paged in SQL). Both
     * together: the resident's contracts whose team lists the practitioner. {@code _lastUpdated} filters all of them.
     */
    @Search
    public IBundleProvider search(@OptionalParam(name = CareTeam.SP_PATIENT) @Nullable ReferenceParam patient,
                                  @OptionalParam(name = CareTeam.SP_PARTICIPANT) @Nullable ReferenceParam participant,
                                  @OptionalParam(name = "_lastUpdated") @Nullable DateRangeParam lastUpdated,
                                  @Count @Nullable Integer count,
                                  @Offset @Nullable Integer offset) {
        Pages.Request page = Pages.request(count, offset);
        PractitionerId practitioner = participant == null ? null : practitioner(participant);
        Instant from = LastUpdated.from(lastUpdated);
        Instant to = LastUpdated.to(lastUpdated);
        if (patient != null) {
            var out = new ArrayList<CareTeam>();
            var resident = PatientResourceProvider.residentId(patient.getIdPart());
            for (ContractView c : residents.contractsOf(resident)) {
                if (within(c.updatedAt(), from, to)) {
                    out.add(CareTeamMapper.contract(c, residents.team(c.teamId()).orElse(null)));
                }
            }
            return Pages.slice(page, out.stream().filter(t -> lists(t, practitioner)).toList());
        }
        if (practitioner != null) {
            // the practitioner's teams (a handful) first, then their teams' contracts, one page cut in SQL
            List<CareTeam> teams = residents.teamsWithMember(practitioner).stream()
                    .filter(t -> within(t.updatedAt(), from, to)).map(CareTeamMapper::team).toList();
            int teamsOnPage = Math.max(0, Math.min(teams.size() - page.first(), page.count()));
            var out = new ArrayList<CareTeam>(teams.subList(Math.min(page.first(), teams.size()),
                    Math.min(page.first(), teams.size()) + teamsOnPage));
            // a page full of teams still asks for the contracts' total (limit 0: nothing read, nothing audited)
            int contractLimit = page.count() - teamsOnPage;
            int contractOffset = Math.max(0, page.first() - teams.size());
            Slice<ContractView> contracts = residents.contractsWithMember(practitioner, from, to, contractLimit, contractOffset);
            var teamsById = new HashMap<TeamId, TeamView>();
            for (ContractView c : contracts.items()) {
                TeamView team = teamsById.computeIfAbsent(c.teamId(), id -> residents.team(id).orElse(null));
                out.add(CareTeamMapper.contract(c, team));
            }
            return Pages.of(page, out, teams.size() + contracts.total());
        }
        throw new InvalidInputException("patient", "field.required");
    }

    private static boolean within(Instant at, @Nullable Instant from, @Nullable Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }

    private static PractitionerId practitioner(ReferenceParam participant) {
        if (participant.getResourceType() != null && !"Practitioner".equals(participant.getResourceType())) {
            throw new InvalidInputException("participant", "request.invalidField", participant.getResourceType(), "Practitioner");
        }
        return new PractitionerId(uuid(participant.getIdPart(), "participant"));
    }

    /** Whether the care team lists the practitioner as a participant (null = no participant criterion). */
    private static boolean lists(CareTeam team, @Nullable PractitionerId practitioner) {
        return practitioner == null || team.getParticipant().stream().anyMatch(p -> p.hasMember()
                && ("Practitioner/" + practitioner.value()).equals(p.getMember().getReference()));
    }

    private static UUID uuid(String raw, String field) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "request.wrongType");
        }
    }
}
