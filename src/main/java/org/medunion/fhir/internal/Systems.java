package org.medunion.fhir.internal;

/**
 * The URIs MedUnion publishes for identifiers, code systems and extensions (docs/fhir.md). One place,
 * so a changed URI cannot drift between the mappers, the terminology resources and the docs.
 */
final class Systems {

    static final String BASE = "https://medunion.example/fhir";

    /** 统一社会信用代码 (GB 32100), published as NamingSystem/uscc. */
    static final String USCC = BASE + "/NamingSystem/uscc";
    /** 医疗机构代码 (WS/T 500 OID) — accepted and echoed, never required. */
    static final String HEALTH_INSTITUTION_CODE = "urn:oid:2.16.156.10011.1.5";

    static final String ID_INSTITUTION = "https://medunion.example/id/institution";
    static final String ID_CONSORTIUM = "https://medunion.example/id/consortium";
    static final String ID_MEMBERSHIP = "https://medunion.example/id/membership";
    static final String ID_PRACTITIONER = "https://medunion.example/id/practitioner";
    static final String ID_DISPATCH = "https://medunion.example/id/dispatch";
    static final String ID_GRID = "https://medunion.example/id/grid";

    /** HL7 organization-type; institutions carry {@code prov}. */
    static final String HL7_ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    static final String EXTENSION = BASE + "/StructureDefinition/";
    static final String EXT_OWNER_BODY = EXTENSION + "owner-body";
    static final String EXT_TCM = EXTENSION + "tcm";
    static final String EXT_REGIONAL_MEDICAL_CENTRE = EXTENSION + "regional-medical-centre";
    static final String EXT_CAMPUS = EXTENSION + "campus";
    static final String EXT_KEY_SPECIALTY = EXTENSION + "key-specialty";
    static final String EXT_GRID = EXTENSION + "grid";
    static final String EXT_TIGHT = EXTENSION + "consortium-tight";
    static final String EXT_GOVERNANCE = EXTENSION + "consortium-governance";
    static final String EXT_ESTABLISHED_ON = EXTENSION + "consortium-established-on";
    static final String EXT_MEMBERSHIP_BASIS = EXTENSION + "membership-basis";
    static final String EXT_OVERRIDE_REASON = EXTENSION + "override-reason";
    static final String EXT_PRACTITIONER_INSTITUTION = EXTENSION + "practitioner-institution";
    static final String EXT_DISCIPLINE = EXTENSION + "discipline";
    static final String EXT_GENERAL_PRACTITIONER = EXTENSION + "general-practitioner";
    static final String EXT_PAEDIATRICIAN = EXTENSION + "paediatrician";
    static final String EXT_WEEKLY_DAYS = EXTENSION + "dispatch-weekly-days";
    static final String EXT_DISPATCH_FROM = EXTENSION + "dispatch-from";

    private Systems() {
    }

    static String codeSystem(String name) {
        return BASE + "/CodeSystem/" + name;
    }

    static String valueSet(String name) {
        return BASE + "/ValueSet/" + name;
    }
}
