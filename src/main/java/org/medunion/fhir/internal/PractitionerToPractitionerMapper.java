package org.medunion.fhir.internal;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.Title;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Registry practitioner ↔ Practitioner: name as {@code HumanName.text} (Chinese names are not split),
 * qualification[0] = title (practitioner-title) with {@code period.start} = the date the title was
 * obtained (SH-8), qualification[1] = profession; extensions for the practising institution, discipline,
 * GP and paediatrician flags (SH-14).
 */
@Component
class PractitionerToPractitionerMapper {

    private static final String R = "Practitioner";

    private final Terminology terminology;

    PractitionerToPractitionerMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    Practitioner toPractitioner(PractitionerView v) {
        var p = new Practitioner();
        p.setId(v.id().toString());
        p.getMeta().setVersionId(Long.toString(v.version())).setLastUpdated(LastUpdated.date(v.updatedAt()));
        p.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Systems.ID_PRACTITIONER).setValue(v.id().toString());
        p.setActive(true);
        p.addName().setText(v.name());
        if (v.title() != null) {
            var q = p.addQualification()
                    .setCode(new CodeableConcept().addCoding(terminology.coding(Terminology.PRACTITIONER_TITLE, v.title())));
            if (v.titleDate() != null) {
                q.setPeriod(new Period().setStartElement(Elements.day(v.titleDate())));
            }
        }
        if (v.profession() != null) {
            p.addQualification().setCode(new CodeableConcept().addCoding(terminology.coding(Terminology.PROFESSION, v.profession())));
        }
        if (v.institutionId() != null) {
            p.addExtension(Systems.EXT_PRACTITIONER_INSTITUTION, new Reference("Organization/" + v.institutionId()));
        }
        if (v.discipline() != null) {
            p.addExtension(Systems.EXT_DISCIPLINE, new StringType(v.discipline()));
        }
        p.addExtension(Systems.EXT_GENERAL_PRACTITIONER, new BooleanType(v.generalPractitioner()));
        p.addExtension(Systems.EXT_PAEDIATRICIAN, new BooleanType(v.paediatrician()));
        return p;
    }

    RegisterPractitioner toCommand(Practitioner p) {
        String name = p.hasName() ? p.getNameFirstRep().hasText() ? p.getNameFirstRep().getText()
                : p.getNameFirstRep().getNameAsSingleString() : null;
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(R + ".name", "field.required");
        }
        String institutionField = Elements.extensionPath(R, Systems.EXT_PRACTITIONER_INSTITUTION);
        var institutionRef = Elements.value(p, Systems.EXT_PRACTITIONER_INSTITUTION, Reference.class, institutionField);
        var institution = Elements.referenceId(institutionRef, "Organization", institutionField + ".value.reference");
        if (institution == null) {
            throw new InvalidInputException(institutionField, "field.required");
        }
        Title title = null;
        LocalDate titleDate = null;
        Profession profession = null;
        for (int i = 0; i < p.getQualification().size(); i++) {
            var q = p.getQualification().get(i);
            for (int c = 0; c < q.getCode().getCoding().size(); c++) {
                Coding coding = q.getCode().getCoding().get(c);
                String field = R + ".qualification[" + i + "].code.coding[" + c + "].code";
                if (Terminology.is(Terminology.PRACTITIONER_TITLE, coding.getSystem())) {
                    title = terminology.parse(Terminology.PRACTITIONER_TITLE, Title.class, coding.getCode(), field);
                    titleDate = q.hasPeriod() ? Elements.localDate(q.getPeriod().getStartElement()) : null;
                } else if (Terminology.is(Terminology.PROFESSION, coding.getSystem())) {
                    profession = terminology.parse(Terminology.PROFESSION, Profession.class, coding.getCode(), field);
                }
            }
        }
        String discipline = Elements.string(p, Systems.EXT_DISCIPLINE, Elements.extensionPath(R, Systems.EXT_DISCIPLINE));
        Boolean gp = Elements.bool(p, Systems.EXT_GENERAL_PRACTITIONER, Elements.extensionPath(R, Systems.EXT_GENERAL_PRACTITIONER));
        Boolean paed = Elements.bool(p, Systems.EXT_PAEDIATRICIAN, Elements.extensionPath(R, Systems.EXT_PAEDIATRICIAN));
        return new RegisterPractitioner(name.trim(), new InstitutionId(institution), profession, title, titleDate,
                discipline, gp, paed);
    }
}
