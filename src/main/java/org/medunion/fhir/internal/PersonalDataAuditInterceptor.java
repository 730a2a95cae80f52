package org.medunion.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Records in the audit trail every Practitioner the FHIR API hands out (personal data, architecture.md):
 * a read as READ, each practitioner of a search page as SEARCH. Cheap — one row per resource returned,
 * nothing for terminology or organizations.
 */
@Component
@Interceptor
public class PersonalDataAuditInterceptor {

    private static final Set<String> PERSONAL = Set.of("Practitioner");

    private final AuditTrail audit;

    PersonalDataAuditInterceptor(AuditTrail audit) {
        this.audit = audit;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public boolean outgoing(RequestDetails request, IBaseResource resource) {
        if (resource == null || request == null) {
            return true;
        }
        RestOperationTypeEnum operation = request.getRestOperationType();
        if (resource instanceof Bundle bundle) {
            for (var entry : bundle.getEntry()) {
                record(AuditAction.SEARCH, entry.getResource(), "FHIR search " + request.getRequestPath());
            }
        } else if (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) {
            record(AuditAction.READ, resource, "FHIR read");
        }
        return true;
    }

    private void record(AuditAction action, IBaseResource resource, String detail) {
        if (resource != null && PERSONAL.contains(resource.fhirType())) {
            audit.record(action, resource.fhirType(), resource.getIdElement().getIdPart(), null, detail);
        }
    }
}
