package org.medunion.fhir.internal.residents;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.TeamId;
import org.medunion.shared.InvalidInputException;
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

    @Read
    public CareTeam read(@IdParam IdType id) {
        UUID uuid = uuid(id.getIdPart(), "id");
        var team = residents.team(new TeamId(uuid));
        if (team.isPresent()) {
            return CareTeamMapper.team(team.get());
        }
        ContractView contract = residents.contract(new ContractId(uuid)).orElseThrow(() -> new ResourceNotFoundException(id));
        return CareTeamMapper.contract(contract, residents.team(contract.teamId()).orElse(null));
    }

    @Search
    public List<CareTeam> search(@OptionalParam(name = CareTeam.SP_PATIENT) ReferenceParam patient,
                                 @OptionalParam(name = CareTeam.SP_PARTICIPANT) ReferenceParam participant) {
        var out = new ArrayList<CareTeam>();
        if (patient != null) {
            var resident = PatientResourceProvider.residentId(patient.getIdPart());
            for (ContractView c : residents.contractsOf(resident)) {
                out.add(CareTeamMapper.contract(c, residents.team(c.teamId()).orElse(null)));
            }
            return out;
        }
        if (participant != null) {
            if (participant.getResourceType() != null && !"Practitioner".equals(participant.getResourceType())) {
                throw new InvalidInputException("participant", "request.invalidField", participant.getResourceType(), "Practitioner");
            }
            var practitioner = new PractitionerId(uuid(participant.getIdPart(), "participant"));
            residents.teamsWithMember(practitioner).forEach(t -> out.add(CareTeamMapper.team(t)));
            return out;
        }
        throw new InvalidInputException("patient", "field.required");
    }

    private static UUID uuid(String raw, String field) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "request.wrongType");
        }
    }
}
