package org.medunion.fhir.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.PractitionerView;
import org.springframework.stereotype.Component;

/**
 * PractitionerRoles of a practitioner: one at the home institution (id = the practitioner's id, code
 * {@code staff}, profession as a second code) and one per dispatch (id = the dispatch's id, code
 * {@code dispatched-manager} or {@code dispatched-expert} plus the manager role, organization = the
 * receiving institution, period = the dispatch term, extensions for the sending institution and the
 * planned weekly days, SH-9).
 */
@Component
class StaffToPractitionerRoleMapper {

    private final Terminology terminology;
    private final Clock clock;

    StaffToPractitionerRoleMapper(Terminology terminology, Clock clock) {
        this.terminology = terminology;
        this.clock = clock;
    }

    PractitionerRole home(PractitionerView v) {
        var role = new PractitionerRole();
        role.setId(v.id().toString());
        role.getMeta().setVersionId(Long.toString(v.version())).setLastUpdated(LastUpdated.date(v.updatedAt()));
        role.addIdentifier().setSystem(Systems.ID_PRACTITIONER).setValue(v.id().toString());
        role.setActive(true);
        role.setPractitioner(new Reference("Practitioner/" + v.id()));
        if (v.institutionId() != null) {
            role.setOrganization(new Reference("Organization/" + v.institutionId()));
        }
        var code = new CodeableConcept().addCoding(terminology.coding(Terminology.PRACTITIONER_ROLE, StaffRole.STAFF));
        role.addCode(code);
        if (v.profession() != null) {
            role.addCode(new CodeableConcept().addCoding(terminology.coding(Terminology.PROFESSION, v.profession())));
        }
        if (v.discipline() != null) {
            role.addSpecialty(new CodeableConcept().setText(v.discipline()));
        }
        return role;
    }

    PractitionerRole dispatch(DispatchView d) {
        var role = new PractitionerRole();
        role.setId(d.id().toString());
        role.getMeta().setLastUpdated(LastUpdated.date(d.createdAt()));
        role.addIdentifier().setSystem(Systems.ID_DISPATCH).setValue(d.id().toString());
        LocalDate today = LocalDate.now(clock);
        role.setActive(!d.startDate().isAfter(today) && (d.endDate() == null || d.endDate().isAfter(today)));
        role.setPeriod(new Period().setStartElement(Elements.day(d.startDate())).setEndElement(Elements.day(d.endDate())));
        role.setPractitioner(new Reference("Practitioner/" + d.practitionerId()));
        role.setOrganization(new Reference("Organization/" + d.toInstitutionId()));
        var code = new CodeableConcept().addCoding(terminology.coding(Terminology.PRACTITIONER_ROLE,
                d.kind() == DispatchKind.MANAGER ? StaffRole.DISPATCHED_MANAGER : StaffRole.DISPATCHED_EXPERT));
        role.addCode(code);
        if (d.managerRole() != null) {
            role.addCode(new CodeableConcept().addCoding(terminology.coding(Terminology.MANAGER_ROLE, d.managerRole())));
        }
        if (d.discipline() != null) {
            role.addSpecialty(new CodeableConcept().setText(d.discipline()));
        }
        if (d.fromInstitutionId() != null) {
            role.addExtension(Systems.EXT_DISPATCH_FROM, new Reference("Organization/" + d.fromInstitutionId()));
        }
        role.addExtension(Systems.EXT_WEEKLY_DAYS, new IntegerType(d.weeklyDays()));
        return role;
    }
}
