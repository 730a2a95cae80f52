package org.medunion.consultation.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationPanel;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.RoutingWarning;
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
        return list(List.of(c)).get(0);
    }

    /**
     * A page of consultations with what each filed, read in one query per kind (routing warnings, price items,
     * retention, panels) rather than per row: a search may return 500.
     */
    List<ConsultationView> list(List<Consultation> consultations) {
        List<UUID> ids = consultations.stream().map(Consultation::id).toList();
        // only an ended consultation has a price item (TM-13) or retention dates (TM-9): no lookups for open ones
        List<UUID> ended = consultations.stream().filter(c -> c.status().isTerminal()).map(Consultation::id).toList();
        var filed = new Filed(routing.warnings(ids), ledger.charges(ended), ledger.retentions(ended), panels.panels(consultations));
        return consultations.stream().map(c -> view(c, filed, null)).toList();
    }

    /** One consultation with its request's attachments (decision 0254; a message's are read with the conversation). */
    ConsultationView detail(Consultation c) {
        List<UUID> id = List.of(c.id());
        var filed = new Filed(routing.warnings(id), ledger.charges(id), ledger.retentions(id), panels.panels(List.of(c)));
        return view(c, filed, attachments.of(c.id()).stream().filter(a -> a.messageId() == null).toList());
    }

    private record Filed(Map<UUID, List<RoutingWarning>> warnings, Map<UUID, ConsultationView.Charge> charges,
                         Map<UUID, ConsultationView.Retention> retentions, Map<UUID, ConsultationPanel> panels) {
    }

    private ConsultationView view(Consultation c, Filed f, @Nullable List<AttachmentView> attached) {
        var p = c.parties();
        return new ConsultationView(c.id(), c.number(), c.type(), c.urgency(), c.status(), p.fromInstitutionId(),
                directory.name(p.fromInstitutionId()), p.fromPractitionerId(), p.fromUsername(), p.toInstitutionId(),
                directory.name(p.toInstitutionId()), p.toDepartment(), c.expertPractitionerId(), p.consortiumId(),
                c.residentId(), c.residentName(), c.request(), c.consent(), c.conversionAuthorised(), c.deadline(),
                c.sessionAt(), c.declineReason(), c.opinion(), c.acknowledgedBy(), c.acknowledgedAt(), c.referralId(),
                c.version(), c.createdAt(), c.updatedAt(), f.charges().get(c.id()), f.retentions().get(c.id()),
                f.warnings().getOrDefault(c.id(), List.of()), attached,
                f.panels().getOrDefault(c.id(), ConsultationPanel.NONE));
    }
}
