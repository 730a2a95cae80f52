package org.medunion.fhir.internal.residents;

import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ContractService;
import org.medunion.residents.ContractStatus;
import org.medunion.residents.ContractView;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.TeamView;

/**
 * Teams and contracts as CareTeam (docs/fhir.md "Family-doctor contracts"): a team is a CareTeam of kind
 * {@code family-doctor-team} without subject; a "1+1+1" contract is a CareTeam of kind {@code family-doctor-contract}
 * whose subject is the Patient, period the contract period, participants the team's members plus the primary
 * institution, the district hospital and the municipal hospital, with priority groups and services as extensions.
 */
final class CareTeamMapper {

    private CareTeamMapper() {
    }

    static CareTeam team(TeamView t) {
        var c = new CareTeam();
        c.setId(t.id().toString());
        c.getMeta().setVersionId(String.valueOf(t.version())).setLastUpdated(Date.from(t.updatedAt()));
        c.addIdentifier().setSystem(Systems.ID_TEAM).setValue(t.id().toString());
        c.setStatus(t.active() ? CareTeam.CareTeamStatus.ACTIVE : CareTeam.CareTeamStatus.INACTIVE);
        c.addCategory(kind("family-doctor-team", "家庭医生团队"));
        c.setName(t.name());
        c.addManagingOrganization(new Reference("Organization/" + t.institutionId()));
        members(c, t);
        return c;
    }

    static CareTeam contract(ContractView k, @Nullable TeamView t) {
        var c = new CareTeam();
        c.setId(k.id().toString());
        c.getMeta().setVersionId(String.valueOf(k.version())).setLastUpdated(Date.from(k.updatedAt()));
        c.addIdentifier().setSystem(Systems.ID_CONTRACT).setValue(k.id().toString());
        c.setStatus(switch (k.status()) {
            case ACTIVE -> CareTeam.CareTeamStatus.ACTIVE;
            case RENEWED -> CareTeam.CareTeamStatus.ACTIVE;
            case ENDED -> CareTeam.CareTeamStatus.INACTIVE;
        });
        c.addCategory(kind("family-doctor-contract", "家庭医生签约（1+1+1）"));
        if (t != null) {
            c.setName(t.name());
        }
        c.setSubject(new Reference("Patient/" + k.residentId()));
        c.setPeriod(new Period().setStartElement(new DateTimeType(k.startDate().toString()))
                .setEndElement(new DateTimeType(k.endDate().toString())));
        c.addManagingOrganization(new Reference("Organization/" + k.primaryInstitutionId()));
        c.addParticipant().addRole(role("PRIMARY_INSTITUTION", "基层医疗卫生机构"))
                .setMember(new Reference("Organization/" + k.primaryInstitutionId()));
        c.addParticipant().addRole(role("DISTRICT_HOSPITAL", "区级医院"))
                .setMember(new Reference("Organization/" + k.districtHospitalId()));
        c.addParticipant().addRole(role("MUNICIPAL_HOSPITAL", "市级医院"))
                .setMember(new Reference("Organization/" + k.municipalHospitalId()));
        if (t != null) {
            members(c, t);
            c.addExtension(Systems.EXT_TEAM, new Reference("CareTeam/" + t.id()));
        }
        for (PriorityGroup g : k.priorityGroups()) {
            c.addExtension(Systems.EXT_PRIORITY_GROUP, new Coding(Systems.PRIORITY_GROUP, g.name(), null));
        }
        for (ContractService s : k.services()) {
            c.addExtension(Systems.EXT_SERVICE, new Coding(Systems.CONTRACT_SERVICE, s.name(), null));
        }
        c.addExtension(Systems.EXT_CONTRACT_STATUS, new Coding(Systems.EXT_CONTRACT_STATUS, k.status().name(), null));
        if (k.status() == ContractStatus.ENDED && k.endReason() != null) {
            c.addExtension(Systems.EXT_END_REASON, new StringType(k.endReason()));
        }
        if (k.renewedFrom() != null) {
            c.addExtension(Systems.EXT_RENEWED_FROM, new Reference("CareTeam/" + k.renewedFrom()));
        }
        return c;
    }

    private static void members(CareTeam c, TeamView t) {
        if (t.gpPractitionerId() != null) {
            c.addParticipant().addRole(role("GP", "全科医生")).setMember(practitioner(t.gpPractitionerId()))
                    .setOnBehalfOf(new Reference("Organization/" + t.institutionId()));
        }
        if (t.nursePractitionerId() != null) {
            c.addParticipant().addRole(role("NURSE", "护士")).setMember(practitioner(t.nursePractitionerId()))
                    .setOnBehalfOf(new Reference("Organization/" + t.institutionId()));
        }
        for (PractitionerId s : t.specialistPractitionerIds()) {
            c.addParticipant().addRole(role("SPECIALIST", "二、三级医院医师")).setMember(practitioner(s));
        }
    }

    private static Reference practitioner(PractitionerId id) {
        return new Reference("Practitioner/" + id);
    }

    private static CodeableConcept role(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(Systems.TEAM_ROLE, code, display));
    }

    private static CodeableConcept kind(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(Systems.CARE_TEAM_KIND, code, display));
    }

    static DateType date(LocalDate d) {
        return new DateType(d.toString());
    }
}
