package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.fhir.internal.FieldPaths;
import org.medunion.fhir.internal.diagnostics.CentreOrders;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralView;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * FHIR ServiceRequest of a referral (category SNOMED Patient referral) or a consultation (category SNOMED
 * Consultation). {@code POST /fhir/ServiceRequest} creates a referral — submitted when {@code status=active}, a
 * draft when {@code draft} — or requests a consultation through every TM gate; the workflow is the Task with the
 * same id; an {@code Idempotency-Key} header makes retries safe. Read, and search by {@code patient},
 * {@code requester}, {@code performer}, {@code identifier}, {@code category}, {@code _lastUpdated}. An order to a shared
 * centre is the ServiceRequest {@code <order>-order}, searched with {@code category=centre-order} ({@link CentreOrders}).
 */
@Component
public class ServiceRequestResourceProvider implements IResourceProvider {

    private final Workflows workflows;
    private final ConsultationRequestReader consultationRequests;
    private final CentreOrders centreOrders;

    ServiceRequestResourceProvider(Workflows workflows, ConsultationRequestReader consultationRequests, CentreOrders centreOrders) {
        this.workflows = workflows;
        this.consultationRequests = consultationRequests;
        this.centreOrders = centreOrders;
    }

    /** The referral service's field names → the ServiceRequest elements they came from (OperationOutcome.expression). */
    private static final Map<String, String> PATHS = Map.of(
            "fromInstitutionId", "ServiceRequest.requester", "toInstitutionId", "ServiceRequest.performer",
            "residentId", "ServiceRequest.subject", "diagnosisCode", "ServiceRequest.reasonCode",
            "diagnosisText", "ServiceRequest.reasonCode", "reason", "ServiceRequest.note",
            "noCriteriaReason", "ServiceRequest.extension", "toDepartment", "ServiceRequest.code.text",
            "direction", "ServiceRequest.code");

    @Override
    public Class<ServiceRequest> getResourceType() {
        return ServiceRequest.class;
    }

    @Read(version = true)
    public ServiceRequest read(@IdParam IdType id) {
        if (CentreOrders.isOrder(id)) {
            return centreOrders.serviceRequest(id);
        }
        return workflows.read(id, ReferralToFhirMapper::serviceRequest, ConsultationToFhirMapper::serviceRequest);
    }

    @Search
    @SuppressWarnings("checkstyle:ParameterNumber") // one per declared search parameter
    public IBundleProvider search(@OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = ServiceRequest.SP_REQUESTER) ReferenceParam requester,
                                  @OptionalParam(name = ServiceRequest.SP_PERFORMER) ReferenceParam performer,
                                  @OptionalParam(name = ServiceRequest.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = ServiceRequest.SP_CATEGORY) TokenParam category,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        if (CentreOrders.isOrder(category)) {
            return centreOrders.serviceRequests(patient, requester, performer, identifier, lastUpdated, Workflows.page(count, offset));
        }
        UUID resident = patient == null ? null : ReferralFhir.uuid(patient.getValue(), "Patient", "patient");
        UUID from = requester == null ? null : ReferralFhir.uuid(requester.getValue(), "Organization", "requester");
        UUID to = performer == null ? null : ReferralFhir.uuid(performer.getValue(), "Organization", "performer");
        var kind = Workflows.kind(category, identifier);
        return workflows.search(new Workflows.Criteria(kind, identifier == null ? null : identifier.getValue(), to, from,
                resident, null, lastUpdated), Workflows.page(count, offset),
                ReferralToFhirMapper::serviceRequest, ConsultationToFhirMapper::serviceRequest);
    }

    /** A ServiceRequest of category Consultation asks for a consultation; any other for a referral. */
    @Create
    public MethodOutcome create(@ResourceParam ServiceRequest sr) {
        if (ConsultationRequestReader.isConsultation(sr)) {
            var created = consultationRequests.create(sr);
            var outcome = new MethodOutcome(new IdType("ServiceRequest", created.id().toString(),
                    Long.toString(created.version())), true);
            outcome.setResource(ConsultationToFhirMapper.serviceRequest(created));
            return outcome;
        }
        return createReferral(sr);
    }

    private MethodOutcome createReferral(ServiceRequest sr) {
        String status = sr.hasStatus() ? sr.getStatus().toCode() : "active";
        if (!status.equals("active") && !status.equals("draft")) {
            throw new InvalidInputException("ServiceRequest.status", "request.unknownValue", status, "active, draft");
        }
        ReferralDirection direction = sr.getCode().getCoding().stream()
                .filter(c -> ReferralFhir.CS_DIRECTION.equals(c.getSystem())).findFirst()
                .map(c -> ReferralFhir.parse(ReferralDirection.class, c.getCode(), "ServiceRequest.code"))
                .orElseThrow(() -> new InvalidInputException("ServiceRequest.code", "field.required"));
        var from = ReferralFhir.uuid(sr.getRequester().getReference(), "Organization", "ServiceRequest.requester");
        if (sr.getPerformer().size() != 1) {
            throw new InvalidInputException("ServiceRequest.performer", "field.required");
        }
        var to = ReferralFhir.uuid(sr.getPerformerFirstRep().getReference(), "Organization", "ServiceRequest.performer");
        var resident = ReferralFhir.uuid(sr.getSubject().getReference(), "Patient", "ServiceRequest.subject");
        var icd = sr.getReasonCodeFirstRep().getCoding().stream().filter(c -> ReferralFhir.ICD10.equals(c.getSystem()))
                .findFirst().orElseThrow(() -> new InvalidInputException("ServiceRequest.reasonCode", "field.required"));
        String diagnosisText = icd.hasDisplay() ? icd.getDisplay() : sr.getReasonCodeFirstRep().getText();
        String reason = sr.getNoteFirstRep().getText();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("ServiceRequest.note", "field.required");
        }
        var noCriteria = sr.getExtensionByUrl(ReferralFhir.EXT_NO_CRITERIA_REASON);
        String noCriteriaReason = noCriteria != null && noCriteria.getValue() instanceof StringType s ? s.getValue() : null;
        var command = new CreateReferral(direction, from, null, to, sr.getCode().getText(), false, resident, null, null, null,
                null, reason, icd.getCode(), diagnosisText,
                ReferralFhir.urgency(sr.hasPriority() ? sr.getPriority().toCode() : null), null, List.of(),
                noCriteriaReason, null, List.of(), null, List.of(), List.of(), status.equals("active"));
        ReferralView created;
        try {
            created = workflows.referrals().create(command); // Idempotency-Key: the shared IdempotencyFilter
        } catch (RuntimeException e) {
            throw FieldPaths.translate(e, "ServiceRequest", PATHS);
        }
        var outcome = new MethodOutcome(new IdType("ServiceRequest", created.id().toString(), Long.toString(created.version())), true);
        outcome.setResource(ReferralToFhirMapper.serviceRequest(created));
        return outcome;
    }
}
