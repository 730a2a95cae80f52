package org.medunion.consultation.internal;

import org.medunion.consultation.ConsultationView;
import org.springframework.stereotype.Component;

/** Builds the read model, naming the two institutions. */
@Component
class ConsultationViews {

    private final ConsultationDirectory directory;

    ConsultationViews(ConsultationDirectory directory) {
        this.directory = directory;
    }

    ConsultationView view(Consultation c) {
        var p = c.parties();
        return new ConsultationView(c.id(), c.number(), c.type(), c.urgency(), c.status(), p.fromInstitutionId(),
                directory.name(p.fromInstitutionId()), p.fromPractitionerId(), p.fromUsername(), p.toInstitutionId(),
                directory.name(p.toInstitutionId()), p.toDepartment(), c.expertPractitionerId(), p.consortiumId(),
                c.residentId(), c.residentName(), c.request(), c.consent(), c.conversionAuthorised(), c.deadline(),
                c.sessionAt(), c.declineReason(), c.opinion(), c.acknowledgedBy(), c.acknowledgedAt(), c.referralId(),
                c.version(), c.createdAt(), c.updatedAt());
    }
}
