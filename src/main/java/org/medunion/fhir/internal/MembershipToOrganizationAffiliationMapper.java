package org.medunion.fhir.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OrganizationAffiliation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.registry.AddMember;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Membership ↔ OrganizationAffiliation: organization = the consortium, participatingOrganization = the
 * institution, code = membership-role, period = start and end, extension membership-basis (SH-5),
 * specialty text = the lead discipline of a specialty alliance.
 */
@Component
class MembershipToOrganizationAffiliationMapper {

    private static final String R = "OrganizationAffiliation";

    private final Terminology terminology;
    private final Clock clock;

    MembershipToOrganizationAffiliationMapper(Terminology terminology, Clock clock) {
        this.terminology = terminology;
        this.clock = clock;
    }

    OrganizationAffiliation toAffiliation(MembershipView m) {
        var a = new OrganizationAffiliation();
        a.setId(m.id().toString());
        a.getMeta().setLastUpdated(LastUpdated.date(m.updatedAt()));
        a.addIdentifier().setSystem(Systems.ID_MEMBERSHIP).setValue(m.id().toString());
        a.setActive(m.activeOn(LocalDate.now(clock)));
        a.setPeriod(new Period().setStartElement(Elements.day(m.startDate())).setEndElement(Elements.day(m.endDate())));
        a.setOrganization(new Reference("Organization/" + m.consortiumId()));
        a.setParticipatingOrganization(new Reference("Organization/" + m.institutionId()));
        if (m.role() != null) {
            a.addCode(new CodeableConcept().addCoding(terminology.coding(Terminology.MEMBERSHIP_ROLE, m.role())));
        }
        if (m.leadDiscipline() != null) {
            a.addSpecialty(new CodeableConcept().setText(m.leadDiscipline()));
        }
        if (m.basis() != null) {
            a.addExtension(Systems.EXT_MEMBERSHIP_BASIS, terminology.coding(Terminology.MEMBERSHIP_BASIS, m.basis()));
        }
        return a;
    }

    /** The consortium of an incoming affiliation. */
    ConsortiumId consortium(OrganizationAffiliation a) {
        var id = Elements.referenceId(a.getOrganization(), "Organization", R + ".organization.reference");
        if (id == null) {
            throw new InvalidInputException(R + ".organization", "field.required");
        }
        return new ConsortiumId(id);
    }

    AddMember toCommand(OrganizationAffiliation a) {
        var institution = Elements.referenceId(a.getParticipatingOrganization(), "Organization",
                R + ".participatingOrganization.reference");
        if (institution == null) {
            throw new InvalidInputException(R + ".participatingOrganization", "field.required");
        }
        MembershipRole role = null;
        for (int i = 0; i < a.getCode().size(); i++) {
            for (int c = 0; c < a.getCode().get(i).getCoding().size(); c++) {
                Coding coding = a.getCode().get(i).getCoding().get(c);
                if (Terminology.is(Terminology.MEMBERSHIP_ROLE, coding.getSystem())) {
                    role = terminology.parse(Terminology.MEMBERSHIP_ROLE, MembershipRole.class, coding.getCode(),
                            R + ".code[" + i + "].coding[" + c + "].code");
                }
            }
        }
        if (role == null) {
            throw new InvalidInputException(R + ".code", "field.required");
        }
        MembershipBasis basis = null;
        String basisField = Elements.extensionPath(R, Systems.EXT_MEMBERSHIP_BASIS);
        var basisCoding = Elements.value(a, Systems.EXT_MEMBERSHIP_BASIS, Coding.class, basisField);
        if (basisCoding != null) {
            basis = terminology.parse(Terminology.MEMBERSHIP_BASIS, MembershipBasis.class, basisCoding.getCode(),
                    basisField + ".value.code");
        }
        LocalDate start = a.hasPeriod() ? Elements.localDate(a.getPeriod().getStartElement()) : null;
        if (start == null) {
            start = LocalDate.now(clock);
        }
        String discipline = a.hasSpecialty() ? a.getSpecialtyFirstRep().getText() : null;
        String override = Elements.string(a, Systems.EXT_OVERRIDE_REASON, Elements.extensionPath(R, Systems.EXT_OVERRIDE_REASON));
        return new AddMember(new InstitutionId(institution), role, basis, start, discipline, override);
    }
}
