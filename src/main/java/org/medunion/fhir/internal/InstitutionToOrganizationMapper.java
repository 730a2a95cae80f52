package org.medunion.fhir.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.Affiliation;
import org.medunion.registry.GridId;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.shared.CreditCode;
import org.medunion.shared.DivisionCode;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Institution ↔ Organization (docs/fhir.md "Organization: institution"). Outgoing: identifier (credit code
 * in the {@link Systems#USCC} naming system, platform id), type codings (organization-type, category,
 * level, grade, ownership, affiliation), address with the GB/T 2260 district, partOf for branch campuses,
 * extensions for owner body, TCM, regional medical centre, grid, campuses and key specialties. Incoming:
 * the same elements, validated strictly — every error names the element's FHIRPath.
 */
@Component
class InstitutionToOrganizationMapper {

    private static final String R = "Organization";

    private final Terminology terminology;

    InstitutionToOrganizationMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    Organization toOrganization(InstitutionView v) {
        var org = new Organization();
        org.setId(v.id().toString());
        org.getMeta().setVersionId(Long.toString(v.version()));
        if (v.updatedAt() != null) {
            org.getMeta().setLastUpdated(Date.from(v.updatedAt()));
        }
        if (v.creditCode() != null) {
            org.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Systems.USCC).setValue(v.creditCode());
        }
        org.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(Systems.ID_INSTITUTION)
                .setValue(v.id().toString());
        org.setActive(true);
        org.addType(new CodeableConcept()
                .addCoding(terminology.coding(Terminology.ORGANIZATION_TYPE, OrganizationKind.INSTITUTION))
                .addCoding(new Coding(Systems.HL7_ORGANIZATION_TYPE, "prov", "Healthcare Provider")));
        addType(org, Terminology.INSTITUTION_CATEGORY, v.category());
        addType(org, Terminology.HOSPITAL_LEVEL, v.level());
        addType(org, Terminology.HOSPITAL_GRADE, v.grade());
        addType(org, Terminology.OWNERSHIP, v.ownership());
        addType(org, Terminology.AFFILIATION, v.affiliation());
        org.setName(v.name());
        if (v.districtCode() != null || v.address() != null) {
            var address = org.addAddress().setUse(Address.AddressUse.WORK).setType(Address.AddressType.PHYSICAL)
                    .setCountry("CN");
            address.setText(v.address());
            address.setDistrict(v.districtCode());
            if (v.districtCode() != null && v.districtCode().length() == 6) {
                address.setState(DivisionCode.provinceOf(v.districtCode()));
            }
        }
        if (v.parentId() != null) {
            org.setPartOf(new Reference("Organization/" + v.parentId()));
        }
        if (v.ownerBody() != null) {
            org.addExtension(Systems.EXT_OWNER_BODY, new StringType(v.ownerBody()));
        }
        org.addExtension(Systems.EXT_TCM, new BooleanType(v.tcm()));
        org.addExtension(Systems.EXT_REGIONAL_MEDICAL_CENTRE, new BooleanType(v.regionalMedicalCentre()));
        if (v.gridId() != null) {
            org.addExtension(Systems.EXT_GRID, new Identifier().setSystem(Systems.ID_GRID).setValue(v.gridId().toString()));
        }
        addCampusesAndSpecialties(org, v);
        return org;
    }

    private void addCampusesAndSpecialties(Organization org, InstitutionView v) {
        for (var campus : v.campuses() == null ? List.<InstitutionView.Campus>of() : v.campuses()) {
            var ext = org.addExtension().setUrl(Systems.EXT_CAMPUS);
            if (campus.name() != null) {
                ext.addExtension("name", new StringType(campus.name()));
            }
            if (campus.districtCode() != null) {
                ext.addExtension("district", new StringType(campus.districtCode()));
            }
            ext.addExtension("planned", new BooleanType(campus.planned()));
        }
        for (var specialty : v.keySpecialties() == null ? List.<InstitutionView.KeySpecialty>of() : v.keySpecialties()) {
            var ext = org.addExtension().setUrl(Systems.EXT_KEY_SPECIALTY);
            ext.addExtension("discipline", new StringType(specialty.discipline()));
            if (specialty.level() != null) {
                ext.addExtension("level", terminology.coding(Terminology.KEY_SPECIALTY_LEVEL, specialty.level()));
            }
        }
    }

    private void addType(Organization org, String codeSystem, @Nullable Enum<?> value) {
        if (value != null) {
            org.addType(new CodeableConcept().addCoding(terminology.coding(codeSystem, value)));
        }
    }

    /** The index of the credit-code identifier, or -1. */
    static int creditCodeIndex(Organization org) {
        for (int i = 0; i < org.getIdentifier().size(); i++) {
            if (Systems.USCC.equals(org.getIdentifier().get(i).getSystem())) {
                return i;
            }
        }
        return -1;
    }

    /** Validates an incoming Organization and turns it into the registry's command. */
    RegisterInstitution toCommand(Organization org) {
        if (isConsortium(org)) {
            throw new InvalidInputException(R + ".type", "fhir.consortiumCreate");
        }
        if (!org.hasName() || org.getName().isBlank()) {
            throw new InvalidInputException(R + ".name", "field.required");
        }
        int cc = creditCodeIndex(org);
        if (cc < 0) {
            throw new InvalidInputException(R + ".identifier", "GB32100.required");
        }
        String creditCode = CreditCode.requireValid(org.getIdentifier().get(cc).getValue(), R + ".identifier[" + cc + "].value");

        InstitutionCategory category = null;
        HospitalLevel level = null;
        HospitalGrade grade = null;
        Ownership ownership = null;
        Affiliation affiliation = null;
        for (int t = 0; t < org.getType().size(); t++) {
            var codings = org.getType().get(t).getCoding();
            for (int c = 0; c < codings.size(); c++) {
                var coding = codings.get(c);
                String field = R + ".type[" + t + "].coding[" + c + "].code";
                String system = coding.getSystem();
                if (Terminology.is(Terminology.INSTITUTION_CATEGORY, system)) {
                    category = terminology.parse(Terminology.INSTITUTION_CATEGORY, InstitutionCategory.class, coding.getCode(), field);
                } else if (Terminology.is(Terminology.HOSPITAL_LEVEL, system)) {
                    level = terminology.parse(Terminology.HOSPITAL_LEVEL, HospitalLevel.class, coding.getCode(), field);
                } else if (Terminology.is(Terminology.HOSPITAL_GRADE, system)) {
                    grade = terminology.parse(Terminology.HOSPITAL_GRADE, HospitalGrade.class, coding.getCode(), field);
                } else if (Terminology.is(Terminology.OWNERSHIP, system)) {
                    ownership = terminology.parse(Terminology.OWNERSHIP, Ownership.class, coding.getCode(), field);
                } else if (Terminology.is(Terminology.AFFILIATION, system)) {
                    affiliation = terminology.parse(Terminology.AFFILIATION, Affiliation.class, coding.getCode(), field);
                } else if (Terminology.is(Terminology.ORGANIZATION_TYPE, system)) {
                    terminology.parse(Terminology.ORGANIZATION_TYPE, OrganizationKind.class, coding.getCode(), field);
                } else if (system != null && system.startsWith(Systems.BASE + "/CodeSystem/")) {
                    throw new InvalidInputException(R + ".type[" + t + "].coding[" + c + "].system", "request.unknownValue",
                            system, String.join(", ", List.of(Terminology.INSTITUTION_CATEGORY, Terminology.HOSPITAL_LEVEL,
                                    Terminology.HOSPITAL_GRADE, Terminology.OWNERSHIP, Terminology.AFFILIATION)));
                }
            }
        }
        if (category == null) {
            throw new InvalidInputException(R + ".type", "field.required");
        }

        String districtCode = org.hasAddress() ? district(org.getAddressFirstRep()) : null;
        String address = org.hasAddress() ? addressText(org.getAddressFirstRep()) : null;
        var parent = Elements.referenceId(org.getPartOf(), R, R + ".partOf.reference");

        String ownerBody = Elements.string(org, Systems.EXT_OWNER_BODY, Elements.extensionPath(R, Systems.EXT_OWNER_BODY));
        Boolean tcm = Elements.bool(org, Systems.EXT_TCM, Elements.extensionPath(R, Systems.EXT_TCM));
        Boolean rmc = Elements.bool(org, Systems.EXT_REGIONAL_MEDICAL_CENTRE,
                Elements.extensionPath(R, Systems.EXT_REGIONAL_MEDICAL_CENTRE));
        GridId grid = grid(org);
        var campuses = campuses(org);
        var specialties = keySpecialties(org);
        return new RegisterInstitution(org.getName().trim(), creditCode, category, level, grade, ownership, ownerBody,
                affiliation, tcm, districtCode, grid, parent == null ? null : new InstitutionId(parent),
                rmc, address, campuses, specialties);
    }

    private static @Nullable GridId grid(Organization org) {
        var gridId = Elements.value(org, Systems.EXT_GRID, Identifier.class, Elements.extensionPath(R, Systems.EXT_GRID));
        return gridId != null && gridId.hasValue()
                ? new GridId(Elements.uuid(gridId.getValue(), "Grid", Elements.extensionPath(R, Systems.EXT_GRID)))
                : null;
    }

    private static @Nullable String district(Address a) {
        String districtCode = a.hasDistrict() ? a.getDistrict().trim() : null;
        if (districtCode != null && !districtCode.matches("\\d{6}")) {
            throw new InvalidInputException(R + ".address[0].district", "request.unknownValue", districtCode, "GB/T 2260");
        }
        return districtCode;
    }

    private static @Nullable String addressText(Address a) {
        return a.hasText() ? a.getText()
                : a.hasLine() ? String.join(" ", a.getLine().stream().map(StringType::getValue).toList()) : null;
    }

    private static List<InstitutionView.Campus> campuses(Organization org) {
        var campuses = new ArrayList<InstitutionView.Campus>();
        for (Extension ext : org.getExtensionsByUrl(Systems.EXT_CAMPUS)) {
            String field = Elements.extensionPath(R, Systems.EXT_CAMPUS);
            var name = Elements.value(ext.getExtensionByUrl("name"), StringType.class, field + ".extension('name')");
            var district = Elements.value(ext.getExtensionByUrl("district"), StringType.class, field + ".extension('district')");
            var planned = Elements.value(ext.getExtensionByUrl("planned"), BooleanType.class, field + ".extension('planned')");
            campuses.add(new InstitutionView.Campus(district == null ? null : district.getValue(),
                    name == null ? null : name.getValue(), planned != null && planned.booleanValue()));
        }
        return campuses;
    }

    private List<InstitutionView.KeySpecialty> keySpecialties(Organization org) {
        var specialties = new ArrayList<InstitutionView.KeySpecialty>();
        for (Extension ext : org.getExtensionsByUrl(Systems.EXT_KEY_SPECIALTY)) {
            String field = Elements.extensionPath(R, Systems.EXT_KEY_SPECIALTY);
            var discipline = Elements.value(ext.getExtensionByUrl("discipline"), StringType.class, field + ".extension('discipline')");
            var levelCoding = Elements.value(ext.getExtensionByUrl("level"), Coding.class, field + ".extension('level')");
            KeySpecialtyLevel ksl = levelCoding == null ? null : terminology.parse(Terminology.KEY_SPECIALTY_LEVEL,
                    KeySpecialtyLevel.class, levelCoding.getCode(), field + ".extension('level').value.code");
            if (discipline == null || discipline.isEmpty()) {
                throw new InvalidInputException(field + ".extension('discipline')", "field.required");
            }
            specialties.add(new InstitutionView.KeySpecialty(discipline.getValue(), ksl));
        }
        return specialties;
    }

    static boolean isConsortium(Organization org) {
        return org.getType().stream().flatMap(t -> t.getCoding().stream())
                .anyMatch(c -> Terminology.is(Terminology.ORGANIZATION_TYPE, c.getSystem())
                        && Terminology.code(OrganizationKind.CONSORTIUM).equals(c.getCode()));
    }
}
