package org.medunion.fhir.internal;

import java.util.Locale;

/**
 * The URIs MedUnion publishes for identifiers, code systems and extensions (docs/fhir.md). One place,
 * so a changed URI cannot drift between the mappers, the terminology resources and the docs.
 */
public final class Systems {

    public static final String BASE = "https://medunion.example/fhir";

    /** 统一社会信用代码 (GB 32100), published as NamingSystem/uscc. */
    public static final String USCC = BASE + "/NamingSystem/uscc";

    public static final String ID_INSTITUTION = "https://medunion.example/id/institution";
    public static final String ID_CONSORTIUM = "https://medunion.example/id/consortium";
    public static final String ID_MEMBERSHIP = "https://medunion.example/id/membership";
    public static final String ID_PRACTITIONER = "https://medunion.example/id/practitioner";
    public static final String ID_DISPATCH = "https://medunion.example/id/dispatch";
    public static final String ID_GRID = "https://medunion.example/id/grid";
    public static final String ID_REFERRAL = "https://medunion.example/id/referral";
    public static final String ID_CONSULTATION = "https://medunion.example/id/consultation";
    public static final String ID_PRESCRIPTION = "https://medunion.example/id/prescription";
    /** An encounter's record ID in the member's HIS (unique per institution, the identifier's assigner). */
    public static final String ID_SOURCE_RECORD = "https://medunion.example/id/source-record";

    /** HL7 organization-type; institutions carry {@code prov}. */
    public static final String HL7_ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";

    public static final String EXTENSION = BASE + "/StructureDefinition/";
    public static final String EXT_OWNER_BODY = EXTENSION + "owner-body";
    public static final String EXT_TCM = EXTENSION + "tcm";
    public static final String EXT_REGIONAL_MEDICAL_CENTRE = EXTENSION + "regional-medical-centre";
    public static final String EXT_CAMPUS = EXTENSION + "campus";
    public static final String EXT_KEY_SPECIALTY = EXTENSION + "key-specialty";
    public static final String EXT_GRID = EXTENSION + "grid";
    public static final String EXT_TIGHT = EXTENSION + "consortium-tight";
    public static final String EXT_GOVERNANCE = EXTENSION + "consortium-governance";
    public static final String EXT_ESTABLISHED_ON = EXTENSION + "consortium-established-on";
    public static final String EXT_MEMBERSHIP_BASIS = EXTENSION + "membership-basis";
    public static final String EXT_OVERRIDE_REASON = EXTENSION + "override-reason";
    public static final String EXT_PRACTITIONER_INSTITUTION = EXTENSION + "practitioner-institution";
    public static final String EXT_DISCIPLINE = EXTENSION + "discipline";
    public static final String EXT_GENERAL_PRACTITIONER = EXTENSION + "general-practitioner";
    public static final String EXT_PAEDIATRICIAN = EXTENSION + "paediatrician";
    public static final String EXT_WEEKLY_DAYS = EXTENSION + "dispatch-weekly-days";
    public static final String EXT_DISPATCH_FROM = EXTENSION + "dispatch-from";

    // residents (docs/fhir.md "Family-doctor contracts")
    /** 居民身份证号 — the WS/T 500 OID. */
    public static final String RESIDENT_ID_NUMBER = "urn:oid:2.16.156.10011.1.3";
    public static final String ID_RESIDENT = "https://medunion.example/id/resident";
    public static final String ID_CONTRACT = "https://medunion.example/id/contract";
    public static final String ID_TEAM = "https://medunion.example/id/team";
    /** Local medical record numbers: this base + "/" + institution UUID. */
    public static final String ID_MRN = "https://medunion.example/id/mrn";
    public static final String TEAM_ROLE = BASE + "/CodeSystem/care-team-role";
    public static final String CARE_TEAM_KIND = BASE + "/CodeSystem/care-team-kind";
    public static final String PRIORITY_GROUP = BASE + "/CodeSystem/priority-group";
    public static final String CONTRACT_SERVICE = BASE + "/CodeSystem/contract-service";
    public static final String SEX_GB = "urn:oid:2.16.156.10011.2.3.3.4";
    public static final String EXT = EXTENSION;
    public static final String EXT_PRIORITY_GROUP = EXTENSION + "contract-priority-group";
    public static final String EXT_SERVICE = EXTENSION + "contract-service";
    public static final String EXT_CONTRACT_STATUS = EXTENSION + "contract-status";
    public static final String EXT_END_REASON = EXTENSION + "contract-end-reason";
    public static final String EXT_RENEWED_FROM = EXTENSION + "contract-renewed-from";
    public static final String EXT_TEAM = EXTENSION + "contract-team";
    public static final String EXT_MASKED = EXTENSION + "identifier-masked";

    private Systems() {
    }

    /** MedUnion's code for an enum constant: {@code TECHNICAL_SUPPORT → technical-support}. */
    public static String code(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static String codeSystem(String name) {
        return BASE + "/CodeSystem/" + name;
    }

    public static String valueSet(String name) {
        return BASE + "/ValueSet/" + name;
    }
}
