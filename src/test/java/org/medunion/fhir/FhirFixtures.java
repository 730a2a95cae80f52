package org.medunion.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.Title;
import org.medunion.support.FhirValidation;
import org.medunion.support.RegistrySeeds;

/** Intent-revealing test data for the FHIR contract; every name and credit code is unique per call. */
final class FhirFixtures {

    static final String BASE = "https://medunion.example/fhir";
    static final String USCC = BASE + "/NamingSystem/uscc";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private FhirFixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A valid GB 32100 credit code in Changning (310105), random organisation code. */
    static String creditCode() {
        return RegistrySeeds.creditCode("310105");
    }

    static String cs(String name) {
        return BASE + "/CodeSystem/" + name;
    }

    /** A district general hospital as a FHIR Organization the way an integrator would send it. */
    static Organization hospital(@Nullable String name, String creditCode) {
        var org = new Organization();
        org.addIdentifier().setSystem(USCC).setValue(creditCode);
        org.setName(name);
        org.addType(new CodeableConcept().addCoding(new Coding(cs("institution-category"), "general-hospital", null)));
        org.addType(new CodeableConcept().addCoding(new Coding(cs("hospital-level"), "secondary", null)));
        org.addType(new CodeableConcept().addCoding(new Coding(cs("hospital-grade"), "a", null)));
        org.addType(new CodeableConcept().addCoding(new Coding(cs("ownership"), "public", null)));
        org.addType(new CodeableConcept().addCoding(new Coding(cs("affiliation"), "district", null)));
        org.addAddress().setText("上海市长宁区测试路1号").setDistrict("310105");
        org.addExtension(BASE + "/StructureDefinition/owner-body", new StringType("长宁区卫生健康委员会"));
        org.addExtension(BASE + "/StructureDefinition/regional-medical-centre", new BooleanType(true));
        var campus = org.addExtension().setUrl(BASE + "/StructureDefinition/campus");
        campus.addExtension("name", new StringType("北院区"));
        campus.addExtension("district", new StringType("310105"));
        campus.addExtension("planned", new BooleanType(false));
        var specialty = org.addExtension().setUrl(BASE + "/StructureDefinition/key-specialty");
        specialty.addExtension("discipline", new StringType("心内科"));
        specialty.addExtension("level", new Coding(cs("key-specialty-level"), "municipal", null));
        return org;
    }

    static String json(Resource resource) {
        return FhirValidation.context().newJsonParser().encodeResourceToString(resource);
    }

    static InstitutionView registerInstitution(RegistryManagement registry, String name, InstitutionCategory category,
                                               Affiliation affiliation) {
        return registry.registerInstitution(new RegisterInstitution(unique(name), creditCode(), category,
                category.isPrimary() ? HospitalLevel.PRIMARY : HospitalLevel.SECONDARY, HospitalGrade.A, Ownership.PUBLIC,
                "长宁区卫生健康委员会", affiliation, false, "310105", null, null, false, "长宁区", List.of(), List.of()));
    }

    /** A regional consortium in Changning: a district hospital leading a community health centre. */
    static ConsortiumView consortium(RegistryManagement registry, InstitutionView lead, InstitutionView member) {
        return consortium(registry, lead, member, "310105");
    }

    static ConsortiumView consortium(RegistryManagement registry, InstitutionView lead, InstitutionView member,
                                     String districtCode) {
        LocalDate established = LocalDate.of(2024, 1, 1);
        return registry.formConsortium(new FormConsortium(unique("区域医联体"), ConsortiumForm.REGIONAL, true,
                GovernanceType.COOPERATION, districtCode, List.of(), established, false, null, true, true, List.of(),
                List.of(new AddMember(lead.id(), MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, established, null, null),
                        new AddMember(member.id(), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, established, null, null)),
                null));
    }

    static PractitionerView physician(RegistryManagement registry, InstitutionView at) {
        return registry.registerPractitioner(new RegisterPractitioner(unique("张医生"), at.id(), Profession.PHYSICIAN,
                Title.ATTENDING, LocalDate.of(2015, 7, 1), "心内科", false, false));
    }
}
