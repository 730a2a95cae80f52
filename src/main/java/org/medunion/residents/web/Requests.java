package org.medunion.residents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ContractId;
import org.medunion.residents.EndContract;
import org.medunion.residents.FormTeam;
import org.medunion.residents.LinkRecord;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.RenewContract;
import org.medunion.residents.ResidentId;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.shared.InvalidInputException;

/** JSON bodies of the REST API: IDs as plain UUID strings, parsed here so that a bad one is a 400 naming the field. */
final class Requests {

    private Requests() {
    }

    /** A required ID: missing → 400 {@code field.required}, malformed → 400 {@code request.wrongType}. */
    static <T> T id(@Nullable String raw, String field, Function<UUID, T> type) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        return parsed(raw, field, type);
    }

    /** An optional ID: missing → null, malformed → 400 {@code request.wrongType}. */
    static <T> @Nullable T optionalId(@Nullable String raw, String field, Function<UUID, T> type) {
        return raw == null || raw.isBlank() ? null : parsed(raw, field, type);
    }

    private static <T> T parsed(String raw, String field, Function<UUID, T> type) {
        try {
            return type.apply(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.wrongType");
        }
    }

    record RegisterResidentRequest(String idNumber, String name, String sex, LocalDate birthDate, String phone,
                                   String districtCode, String sourceInstitutionId, String localRecordNumber) {

        RegisterResident command() {
            return new RegisterResident(idNumber, name, sex, birthDate, phone, districtCode,
                    optionalId(sourceInstitutionId, "sourceInstitutionId", InstitutionId::new), localRecordNumber);
        }
    }

    record LinkRecordRequest(String sourceInstitutionId, String localRecordNumber) {

        LinkRecord command() {
            return new LinkRecord(optionalId(sourceInstitutionId, "sourceInstitutionId", InstitutionId::new), localRecordNumber);
        }
    }

    record FormTeamRequest(String institutionId, String name, String gpPractitionerId, String nursePractitionerId,
                           List<String> specialistPractitionerIds) {

        FormTeam command() {
            var specialists = new ArrayList<PractitionerId>();
            if (specialistPractitionerIds != null) {
                for (int i = 0; i < specialistPractitionerIds.size(); i++) {
                    specialists
                            .add(id(specialistPractitionerIds.get(i), "specialistPractitionerIds[" + i + "]", PractitionerId::new));
                }
            }
            return new FormTeam(id(institutionId, "institutionId", InstitutionId::new), name,
                    id(gpPractitionerId, "gpPractitionerId", PractitionerId::new),
                    id(nursePractitionerId, "nursePractitionerId", PractitionerId::new), specialists);
        }
    }

    record SignContractRequest(String residentId, String teamId, String districtHospitalId, String municipalHospitalId,
                               LocalDate startDate, LocalDate endDate, List<String> priorityGroups, List<String> services) {

        SignContract command() {
            return new SignContract(id(residentId, "residentId", ResidentId::new), id(teamId, "teamId", TeamId::new),
                    id(districtHospitalId, "districtHospitalId", InstitutionId::new),
                    id(municipalHospitalId, "municipalHospitalId", InstitutionId::new), startDate, endDate,
                    priorityGroups, services);
        }
    }

    record RenewContractRequest(LocalDate endDate, List<String> priorityGroups, List<String> services) {

        RenewContract command() {
            return new RenewContract(endDate, priorityGroups, services);
        }
    }

    record EndContractRequest(String reason, LocalDate endDate) {

        EndContract command() {
            return new EndContract(reason, endDate);
        }
    }

    static ContractId contractId(String raw) {
        return id(raw, "id", ContractId::new);
    }
}
