package org.medunion.consultation;

import java.time.Instant;
import java.util.UUID;

/**
 * The consultation module's published events (past tense), through the event publication registry. Each carries
 * its own {@code eventId} so that consumers of the at-least-once delivery can ignore duplicates.
 */
public sealed interface ConsultationEvent permits ConsultationRequested, ConsultationAccepted, ConsultationDeclined,
        ConsultationOpinionSigned, ConsultationClosed, ConsultationEscalated {

    UUID eventId();

    ConsultationId consultationId();

    String number();

    Instant occurredAt();
}
