package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.IdType;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * FHIR ChargeItem: the price item a consultation recorded when it closed under a fee-bearing agreement (TM-13), same
 * id as the consultation; 404 when it has none. Read, and search by {@code patient}, {@code _lastUpdated} or the
 * consultation's {@code service-request} (a MedUnion search parameter over {@code supportingInformation}) — scoped to
 * the two sides and their office and audited like every read of a consultation.
 */
@Component
public class ChargeItemResourceProvider implements IResourceProvider {

    static final String SP_SERVICE_REQUEST = "service-request";

    private final Workflows workflows;

    ChargeItemResourceProvider(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Class<ChargeItem> getResourceType() {
        return ChargeItem.class;
    }

    @Read(version = true)
    public ChargeItem read(@IdParam IdType id) {
        return workflows.record(id, ConsultationChargeMapper::charge);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = ChargeItem.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = SP_SERVICE_REQUEST) ReferenceParam serviceRequest,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        var page = Workflows.page(count, offset);
        if (serviceRequest != null) {
            var id = new IdType("ServiceRequest", ReferralFhir.uuid(serviceRequest.getValue(), "ServiceRequest",
                    SP_SERVICE_REQUEST).toString());
            ChargeItem item;
            try {
                item = ConsultationChargeMapper.charge(workflows.consultation(id));
            } catch (NotFoundException e) {
                item = null; // a consultation the caller may not see has no price item for them either
            }
            List<ChargeItem> found = item == null || !matches(item, patient) ? List.of() : List.of(item);
            return Pages.of(page, found.subList(Math.min(page.first(), found.size()), found.size()), found.size());
        }
        return workflows.records(patient, lastUpdated, EnumSet.of(ConsultationStatus.CLOSED), page,
                ConsultationChargeMapper::charge);
    }

    private static boolean matches(ChargeItem item, ReferenceParam patient) {
        return patient == null || Objects.equals(item.getSubject().getReferenceElement().getIdPart(),
                ReferralFhir.uuid(patient.getValue(), "Patient", "patient").toString());
    }
}
