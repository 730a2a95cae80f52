package org.medunion.fhir.internal.residents;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractView;
import org.medunion.residents.RecordLink;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.Sex;
import org.medunion.shared.InvalidInputException;

/** ResidentView ↔ Patient. The ID number and phone are masked unless the caller's role may see them (S-3). */
final class ResidentToPatientMapper {

    private ResidentToPatientMapper() {
    }

    static Patient toPatient(ResidentView r, List<ResidentId> duplicates, Optional<ContractView> contract) {
        var p = new Patient();
        p.setId(r.id().toString());
        p.getMeta().setVersionId(String.valueOf(r.version())).setLastUpdated(Date.from(r.updatedAt()));
        boolean full = r.residentIdNumber() != null;
        Identifier id = p.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Systems.RESIDENT_ID_NUMBER)
                .setValue(full ? r.residentIdNumber() : r.residentIdNumberMasked());
        if (!full) {
            id.addExtension(Systems.EXT_MASKED, new BooleanType(true));
        }
        p.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(Systems.ID_RESIDENT).setValue(r.id().toString());
        for (RecordLink link : r.linkedRecords()) {
            if (link.localRecordNumber() != null) {
                p.addIdentifier().setUse(Identifier.IdentifierUse.USUAL)
                        .setSystem(Systems.ID_MRN + "/" + link.sourceInstitutionId())
                        .setValue(link.localRecordNumber())
                        .setAssigner(new Reference("Organization/" + link.sourceInstitutionId()));
            }
        }
        p.setActive(true);
        p.addName().setText(r.name()).setUse(HumanName.NameUse.OFFICIAL);
        p.setGender(switch (r.sex()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            default -> AdministrativeGender.UNKNOWN;
        });
        p.setBirthDateElement(new DateType(r.birthDate().toString()));
        String phone = full ? r.phone() : r.phoneMasked();
        if (phone != null) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone)
                    .setUse(phone.startsWith("1") ? ContactPoint.ContactPointUse.MOBILE : ContactPoint.ContactPointUse.HOME);
        }
        if (r.districtCode() != null) {
            p.addAddress().setDistrict(r.districtCode()).setCountry("CN");
        }
        if (r.sourceInstitutionId() != null) {
            p.setManagingOrganization(new Reference("Organization/" + r.sourceInstitutionId()));
        }
        contract.ifPresent(c -> p.addGeneralPractitioner(new Reference("Organization/" + c.primaryInstitutionId())));
        for (ResidentId d : duplicates) {
            p.addLink().setType(Patient.LinkType.SEEALSO).setOther(new Reference("Patient/" + d));
        }
        return p;
    }

    /** A Patient to register; problems are 400 naming the FHIR element. */
    static RegisterResident toCommand(Patient p) {
        String idNumber = null;
        String mrn = null;
        for (Identifier i : p.getIdentifier()) {
            if (Systems.RESIDENT_ID_NUMBER.equals(i.getSystem())) {
                idNumber = i.getValue();
            } else if (i.getSystem() != null && i.getSystem().startsWith(Systems.ID_MRN)) {
                mrn = i.getValue();
            }
        }
        if (idNumber == null) {
            throw new InvalidInputException("Patient.identifier", "field.required");
        }
        String name = null;
        if (p.hasName()) {
            var n = p.getNameFirstRep();
            name = n.hasText() ? n.getText() : (n.getFamily() == null ? "" : n.getFamily())
                    + n.getGiven().stream().map(StringType::getValue).reduce("", String::concat);
        }
        String sex = !p.hasGender() ? null : switch (p.getGender()) {
            case MALE -> Sex.MALE.code();
            case FEMALE -> Sex.FEMALE.code();
            case UNKNOWN -> Sex.UNKNOWN.code();
            default -> Sex.NOT_STATED.code();
        };
        String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
        String district = p.hasAddress() ? p.getAddressFirstRep().getDistrict() : null;
        InstitutionId source = null;
        if (p.hasManagingOrganization() && p.getManagingOrganization().getReferenceElement().hasIdPart()) {
            try {
                source = InstitutionId.of(p.getManagingOrganization().getReferenceElement().getIdPart());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Patient.managingOrganization", "request.wrongType");
            }
        }
        LocalDate birth = null;
        if (p.hasBirthDate()) {
            if (p.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
                throw new InvalidInputException("Patient.birthDate", "request.wrongType");
            }
            birth = LocalDate.parse(p.getBirthDateElement().getValueAsString());
        }
        // a missing name goes on as blank: the residents module refuses it as required, naming the field
        return new RegisterResident(idNumber, name == null ? "" : name, sex, birth, phone, district, source, mrn);
    }

    /** The FHIR element for a field of {@link RegisterResident}. */
    static String element(@Nullable String field) {
        if (field == null) {
            return "Patient";
        }
        return switch (field) {
            case "idNumber" -> "Patient.identifier";
            case "name" -> "Patient.name";
            case "sex" -> "Patient.gender";
            case "birthDate" -> "Patient.birthDate";
            case "phone" -> "Patient.telecom";
            case "districtCode" -> "Patient.address.district";
            case "sourceInstitutionId" -> "Patient.managingOrganization";
            case "localRecordNumber" -> "Patient.identifier";
            default -> field.startsWith("Patient") ? field : "Patient." + field;
        };
    }
}
