package org.medunion.fhir.internal;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.medunion.registry.ConsortiumView;
import org.medunion.shared.DivisionCode;
import org.springframework.stereotype.Component;

/**
 * Consortium → Organization with type {@code organization-type|consortium} and the consortium form; tight
 * integration, governance and founding date as extensions. Members are OrganizationAffiliations
 * ({@link MembershipToOrganizationAffiliationMapper}). Consortia are read-only over FHIR.
 */
@Component
class ConsortiumToOrganizationMapper {

    private final Terminology terminology;

    ConsortiumToOrganizationMapper(Terminology terminology) {
        this.terminology = terminology;
    }

    Organization toOrganization(ConsortiumView v) {
        var org = new Organization();
        org.setId(v.id().toString());
        org.getMeta().setVersionId(Long.toString(v.version())).setLastUpdated(LastUpdated.date(v.updatedAt()));
        org.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Systems.ID_CONSORTIUM)
                .setValue(v.id().toString());
        org.setActive(v.active());
        org.addType(new CodeableConcept().addCoding(terminology.coding(Terminology.ORGANIZATION_TYPE, OrganizationKind.CONSORTIUM)));
        if (v.form() != null) {
            org.addType(new CodeableConcept().addCoding(terminology.coding(Terminology.CONSORTIUM_FORM, v.form())));
        }
        org.setName(v.name());
        if (v.districtCode() != null) {
            var address = org.addAddress().setCountry("CN").setDistrict(v.districtCode());
            if (v.districtCode().length() == 6) {
                address.setState(DivisionCode.provinceOf(v.districtCode()));
            }
        }
        org.addExtension(Systems.EXT_TIGHT, new BooleanType(v.tight()));
        if (v.governance() != null) {
            org.addExtension(Systems.EXT_GOVERNANCE, terminology.coding(Terminology.GOVERNANCE_TYPE, v.governance()));
        }
        if (v.establishedOn() != null) {
            org.addExtension(Systems.EXT_ESTABLISHED_ON, Elements.date(v.establishedOn()));
        }
        return org;
    }
}
