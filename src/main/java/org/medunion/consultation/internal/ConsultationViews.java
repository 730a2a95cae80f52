package org.medunion.consultation.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationView;
import org.springframework.stereotype.Component;

/**
 * Builds the read model, naming the two institutions, with what an ended consultation filed (TM-13, TM-9) and the live
 * session's panel (decision 0255).
 */
@Component
class ConsultationViews {

    private final ConsultationDirectory directory;
    private final ConsultationLedger ledger;
    private final ConsultationRouting routing;
    private final ConsultationAttachmentStore attachments;
    private final ConsultationPanels panels;

    ConsultationViews(ConsultationDirectory directory, ConsultationLedger ledger, ConsultationRouting routing,
                      ConsultationAttachmentStore attachments, ConsultationPanels panels) {
        this.directory = directory;
        this.ledger = ledger;
        this.routing = routing;
        this.attachments = attachments;
        this.panels = panels;
    }

    ConsultationView view(Consultation c) {
        return view(c, null);
    }

    /** One consultation with its request's attachments (decision 0254; a message's are read with the conversation). */
    ConsultationView detail(Consultation c) {
        return view(c, attachments.of(c.id()).stream().filter(a -> a.messageId() == null).toList());
    }

    private ConsultationView view(Consultation c, @Nullable List<AttachmentView> attached) {
        var p = c.parties();
        // only an ended consultation has a price item (TM-13) or retention dates (TM-9): no lookups for open ones
        boolean ended = c.status().isTerminal();
        return new ConsultationView(c.id(), c.number(), c.type(), c.urgency(), c.status(), p.fromInstitutionId(),
                directory.name(p.fromInstitutionId()), p.fromPractitionerId(), p.fromUsername(), p.toInstitutionId(),
                directory.name(p.toInstitutionId()), p.toDepartment(), c.expertPractitionerId(), p.consortiumId(),
                c.residentId(), c.residentName(), c.request(), c.consent(), c.conversionAuthorised(), c.deadline(),
                c.sessionAt(), c.declineReason(), c.opinion(), c.acknowledgedBy(), c.acknowledgedAt(), c.referralId(),
                c.version(), c.createdAt(), c.updatedAt(), ended ? ledger.charge(c.id()).orElse(null) : null,
                ended ? ledger.retention(c.id()).orElse(null) : null, routing.warnings(new ConsultationId(c.id())), attached,
                panels.panel(c));
    }
}
