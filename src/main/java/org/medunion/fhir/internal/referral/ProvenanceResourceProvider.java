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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.medunion.fhir.internal.pharmacy.PrescriptionReviewTasks;
import org.springframework.stereotype.Component;

/**
 * FHIR Provenance of a consultation's signed opinion (TM-7), same id as the consultation; 404 until signed: read and search by {@code patient}, {@code _lastUpdated}, {@code _count} — scoped to the two
 * sides and their office and audited like every read of a consultation. The pharmacist's signed review of a
 * prescription is the Provenance {@code <prescription>-review}, read by id (the review Task's {@code relevantHistory}).
 */
@Component
public class ProvenanceResourceProvider implements IResourceProvider {

    private final Workflows workflows;
    private final PrescriptionReviewTasks reviews;

    ProvenanceResourceProvider(Workflows workflows, PrescriptionReviewTasks reviews) {
        this.workflows = workflows;
        this.reviews = reviews;
    }

    @Override
    public Class<Provenance> getResourceType() {
        return Provenance.class;
    }

    @Read(version = true)
    public Provenance read(@IdParam IdType id) {
        if (PrescriptionReviewTasks.isReview(id)) {
            return reviews.provenance(id);
        }
        return workflows.record(id, ConsultationRecordsMapper::provenance);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Provenance.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        return workflows.records(patient, lastUpdated, Workflows.SIGNED, Workflows.page(count, offset),
                ConsultationRecordsMapper::provenance);
    }
}
