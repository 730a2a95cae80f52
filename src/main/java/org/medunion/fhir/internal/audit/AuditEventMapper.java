package org.medunion.fhir.internal.audit;

import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditEntry;

/**
 * One audit-trail row as a FHIR R4 AuditEvent (S-2: who, what, when, from where, why). The object is named by a
 * platform identifier ({@code https://medunion.example/id/<object type>}); the resident whose data it was, when
 * there is one, is a second entity referring to the Patient, so "who saw my data" is a search by patient.
 */
final class AuditEventMapper {

    static final String ID_AUDIT_EVENT = "https://medunion.example/id/audit-event";
    static final String ID_PREFIX = "https://medunion.example/id/";
    private static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    private static final String PURPOSE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    private AuditEventMapper() {
    }

    static AuditEvent toFhir(AuditEntry e) {
        var event = new AuditEvent();
        event.setId(e.id().toString());
        event.setType(new Coding(EVENT_TYPE, "rest", "RESTful Operation"));
        event.addSubtype(interaction(e.action()));
        event.setAction(action(e.action()));
        event.setRecorded(Date.from(e.occurredAt()));
        // audit rows are never changed (append-only): recorded is also the last update
        event.getMeta().setLastUpdated(Date.from(e.occurredAt()));
        boolean denied = "DENIED".equals(e.outcome());
        event.setOutcome(denied ? AuditEventOutcome._4 : AuditEventOutcome._0);
        if (denied) {
            event.setOutcomeDesc("denied");
        }
        if (e.purpose() != null) {
            event.addPurposeOfEvent(purpose(e.purpose()));
        }
        var agent = event.addAgent().setRequestor(true).setWho(new Reference().setDisplay(e.actor()));
        if (e.actorRole() != null) {
            agent.addRole(new CodeableConcept().setText(e.actorRole()));
        }
        if (e.clientAddress() != null) {
            agent.getNetwork().setAddress(e.clientAddress()).setType(AuditEvent.AuditEventAgentNetworkType._2);
        }
        event.getSource().setObserver(new Reference().setDisplay("MedUnion"))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        var object = event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"));
        if (e.objectType() != null) {
            object.setName(e.objectType());
            if (e.objectId() != null) {
                object.setWhat(new Reference().setIdentifier(new Identifier()
                        .setSystem(ID_PREFIX + e.objectType().toLowerCase(Locale.ROOT)).setValue(e.objectId())));
            }
        }
        if (e.detail() != null) {
            object.setDescription(e.detail());
        }
        if (e.residentRef() != null) {
            event.addEntity().setWhat(new Reference("Patient/" + e.residentRef()))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        return event;
    }

    private static Coding interaction(AuditAction action) {
        return switch (action) {
            case READ, EXPORT -> new Coding(INTERACTION, "read", "read");
            case SEARCH -> new Coding(INTERACTION, "search-type", "search type");
            case CREATE -> new Coding(INTERACTION, "create", "create");
            case UPDATE -> new Coding(INTERACTION, "update", "update");
            case DELETE -> new Coding(INTERACTION, "delete", "delete");
            case LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, ACCOUNT_CHANGED, TOKEN_REVOKED, PASSWORD_CHANGED ->
                new Coding(INTERACTION, "operation", "operation");
        };
    }

    /** The platform's actions that map to the FHIR action {@code code}; empty for an unknown code. */
    static Set<AuditAction> actionsCoded(String code) {
        return Arrays.stream(AuditAction.values()).filter(a -> action(a).toCode().equals(code))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AuditAction.class)));
    }

    private static AuditEventAction action(AuditAction action) {
        return switch (action) {
            case READ, SEARCH, EXPORT -> AuditEventAction.R;
            case CREATE -> AuditEventAction.C;
            case UPDATE -> AuditEventAction.U;
            case DELETE -> AuditEventAction.D;
            case LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED -> AuditEventAction.E;
            case ACCOUNT_CHANGED, TOKEN_REVOKED, PASSWORD_CHANGED -> AuditEventAction.U;
        };
    }

    /** The declared purpose of use: HL7 v3 ActReason where the platform's word has one, else as text. */
    private static CodeableConcept purpose(String purpose) {
        var concept = new CodeableConcept().setText(purpose);
        switch (purpose) {
            case "TREATMENT" -> concept.addCoding(new Coding(PURPOSE, "TREAT", "treatment"));
            case "OPERATIONS" -> concept.addCoding(new Coding(PURPOSE, "HOPERAT", "healthcare operations"));
            default -> {
            }
        }
        return concept;
    }
}
