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
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * FHIR Consent the patient's written consent to the consultation (TM-2), one per consultation, same id: read and search by {@code patient}, {@code _lastUpdated}, {@code _count} — scoped to the two
 * sides and their office and audited like every read of a consultation.
 */
@Component
public class ConsentResourceProvider implements IResourceProvider {

    private final Workflows workflows;

    ConsentResourceProvider(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Read(version = true)
    public Consent read(@IdParam IdType id) {
        return workflows.record(id, ConsultationRecordsMapper::consent);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        return workflows.records(patient, lastUpdated, null, Workflows.page(count, offset),
                ConsultationRecordsMapper::consent);
    }
}
