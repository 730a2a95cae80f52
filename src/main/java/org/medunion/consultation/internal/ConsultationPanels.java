package org.medunion.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationPanel;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.ConsultationBookings;
import org.medunion.scheduling.SlotId;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.stereotype.Component;

/**
 * The live side of acceptance and its end (decision 0255): the further experts of an MDT (each checked against TM-5 like
 * the lead), the expert's consultation slot booked through scheduling's {@link ConsultationBookings} in the caller's
 * transaction, its release when the consultation ends without its session, and the panel on the view.
 */
@Component
class ConsultationPanels {

    /** The forms held as a live session with an expert of the invited side (TM-14). */
    static final Set<ConsultationType> LIVE = EnumSet.of(ConsultationType.INTER_HOSPITAL, ConsultationType.REMOTE,
            ConsultationType.MDT);
    /** The ends without the session: the booked slot goes back to the expert's schedule. */
    static final Set<ConsultationStatus> RELEASING = EnumSet.of(ConsultationStatus.DECLINED, ConsultationStatus.CANCELLED,
            ConsultationStatus.EXPIRED);
    static final int MAX_EXPERTS = 20;

    private final PanelStore store;
    private final ConsultationDirectory directory;
    private final ConsultationGates gates;
    private final ConsultationBookings bookings;

    ConsultationPanels(PanelStore store, ConsultationDirectory directory, ConsultationGates gates,
                       ConsultationBookings bookings) {
        this.store = store;
        this.directory = directory;
        this.gates = gates;
        this.bookings = bookings;
    }

    /**
     * The further experts an acceptance names, without the lead and repeats: only an MDT has them; each must exist
     * (422 naming {@code expertIds[i]}) and pass TM-5 (violations collected, naming the expert).
     */
    List<UUID> furtherExperts(Consultation c, AcceptConsultation a, UUID lead, LocalDate day, @Nullable String division,
                              List<Violation> violations) {
        List<UUID> named = a.expertIds() == null ? List.of() : a.expertIds();
        if (named.isEmpty()) {
            return List.of();
        }
        if (c.type() != ConsultationType.MDT) {
            throw new InvalidInputException("expertIds", ConsultationError.EXPERTS_ONLY_MDT, c.type().name());
        }
        if (named.size() > MAX_EXPERTS) {
            throw new InvalidInputException("expertIds", ConsultationError.TOO_MANY_EXPERTS, named.size(), MAX_EXPERTS);
        }
        var out = new LinkedHashSet<UUID>();
        for (int i = 0; i < named.size(); i++) {
            UUID id = named.get(i);
            String field = "expertIds[" + i + "]";
            if (id == null) {
                throw new InvalidInputException(field, "field.required");
            }
            var physician = directory.practitioner(id)
                    .orElseThrow(() -> new InvalidInputException(field, ConsultationError.NO_EXPERT, id));
            if (!id.equals(lead) && out.add(id)) {
                gates.qualified(physician, c.toInstitutionId(), day, division, field, violations);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Books the named slot of the lead expert for a live form and returns the session time (the slot's start); without a
     * slot, the time the acceptance gave. A slot for a form without a live session, or a time other than the slot's, is
     * 422; a taken slot scheduling's 409.
     */
    @Nullable
    Instant book(Consultation c, AcceptConsultation a, UUID lead, String actor, Instant now) {
        UUID slot = a.slotId();
        if (slot == null) {
            return a.sessionAt();
        }
        if (!LIVE.contains(c.type())) {
            throw new InvalidInputException("slotId", ConsultationError.SLOT_ONLY_LIVE, c.type().name());
        }
        var booking = bookings.bookForConsultation(new SlotId(slot), new ResidentId(c.residentId()),
                new InstitutionId(c.toInstitutionId()), new PractitionerId(lead), actor);
        if (a.sessionAt() != null && !a.sessionAt().equals(booking.start())) {
            throw new InvalidInputException("sessionAt", ConsultationError.SESSION_NOT_SLOT, a.sessionAt(), booking.start());
        }
        store.addBooking(c.id(), new ConsultationPanel.BookedSlot(slot, booking.id().value(), booking.start(),
                booking.end(), false), actor, now);
        return booking.start();
    }

    void addExperts(Consultation c, List<UUID> experts, Instant now) {
        store.addExperts(c.id(), experts, now);
    }

    /** After a step: a consultation that ended without its session releases the slot it booked. */
    void ended(Consultation c, String actor, Instant now) {
        if (!RELEASING.contains(c.status()) || !LIVE.contains(c.type())) {
            return;
        }
        store.booking(c.id()).filter(b -> !b.released()).ifPresent(b -> {
            bookings.releaseForConsultation(new BookingId(b.bookingId()), actor);
            store.released(c.id(), actor, now);
        });
    }

    /** The panel on the view: looked up only for a live form past the request. */
    ConsultationPanel panel(Consultation c) {
        return panels(List.of(c)).getOrDefault(c.id(), ConsultationPanel.NONE);
    }

    /**
     * The panels of a page of consultations with three reads in all (booked slots, experts, held sessions) and each
     * practitioner's name looked up once; consultations without a panel are absent.
     */
    Map<UUID, ConsultationPanel> panels(List<Consultation> consultations) {
        List<UUID> live = consultations.stream().filter(ConsultationPanels::hasPanel).map(Consultation::id).toList();
        Map<UUID, ConsultationPanel> out = new HashMap<>();
        if (live.isEmpty()) {
            return out;
        }
        var booked = store.bookings(live);
        var experts = store.experts(live);
        var sessions = store.sessions(live);
        Map<UUID, Optional<String>> names = new HashMap<>();
        Function<UUID, @Nullable String> name = id -> names.computeIfAbsent(id,
                k -> directory.practitioner(k).map(p -> p.name())).orElse(null);
        for (UUID id : live) {
            var panelExperts = experts.getOrDefault(id, List.of()).stream()
                    .map(e -> new ConsultationPanel.Person(e, name.apply(e))).toList();
            var held = new ArrayList<ConsultationPanel.HeldSession>();
            for (var s : sessions.getOrDefault(id, List.of())) {
                held.add(ConsultationPanel.HeldSession.of(s.id(), s.heldAt(), s.participants().stream()
                        .map(p -> new ConsultationPanel.Participant(p.practitionerId(), name.apply(p.practitionerId()),
                                p.side(), p.physician()))
                        .toList(), s.note(), s.recordedBy(), s.recordedAt()));
            }
            out.put(id, ConsultationPanel.of(booked.get(id), panelExperts, held));
        }
        return out;
    }

    private static boolean hasPanel(Consultation c) {
        return LIVE.contains(c.type()) && c.status() != ConsultationStatus.REQUESTED
                && c.status() != ConsultationStatus.INFO_REQUESTED;
    }
}
