package org.medunion.fhir.internal.residents;

/** Identifier systems, code systems and extensions of the residents mapping (docs/fhir.md "Family-doctor contracts"). */
final class ResidentSystems {

    /** 居民身份证号 — the WS/T 500 OID. */
    static final String RESIDENT_ID_NUMBER = "urn:oid:2.16.156.10011.1.3";
    static final String ID_RESIDENT = "https://medunion.example/id/resident";
    static final String ID_CONTRACT = "https://medunion.example/id/contract";
    static final String ID_TEAM = "https://medunion.example/id/team";
    /** Local medical record numbers: this base + "/" + institution UUID. */
    static final String ID_MRN = "https://medunion.example/id/mrn";
    static final String TEAM_ROLE = "https://medunion.example/fhir/CodeSystem/care-team-role";
    static final String CARE_TEAM_KIND = "https://medunion.example/fhir/CodeSystem/care-team-kind";
    static final String PRIORITY_GROUP = "https://medunion.example/fhir/CodeSystem/priority-group";
    static final String CONTRACT_SERVICE = "https://medunion.example/fhir/CodeSystem/contract-service";
    static final String SEX_GB = "urn:oid:2.16.156.10011.2.3.3.4";
    static final String EXT = "https://medunion.example/fhir/StructureDefinition/";
    static final String EXT_PRIORITY_GROUP = EXT + "contract-priority-group";
    static final String EXT_SERVICE = EXT + "contract-service";
    static final String EXT_CONTRACT_STATUS = EXT + "contract-status";
    static final String EXT_END_REASON = EXT + "contract-end-reason";
    static final String EXT_RENEWED_FROM = EXT + "contract-renewed-from";
    static final String EXT_TEAM = EXT + "contract-team";
    static final String EXT_MASKED = EXT + "identifier-masked";

    private ResidentSystems() {
    }
}
