package org.medunion.consultation.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.MedUnionException;
import org.springframework.stereotype.Component;

/** Decision 0255: the invited institution's free consultation slots the accept form offers, with whose they are. */
@Component
class ConsultationSlotChoices {

    /** A free consultation slot: its time and the expert whose schedule it is. */
    record SlotChoice(UUID id, Instant start, @Nullable String expert) {
    }

    private final SchedulingManagement scheduling;
    private final Clock clock;

    ConsultationSlotChoices(SchedulingManagement scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    /**
     * The free future slots, for a live form the caller may accept now, each named by its owner among the invited
     * institution's {@code physicians} (the page's own list); none otherwise or outside the caller's scope.
     */
    List<SlotChoice> of(ConsultationView c, Set<ConsultationAction> allowed, List<PractitionerView> physicians) {
        boolean live = c.type() == ConsultationType.REMOTE || c.type() == ConsultationType.INTER_HOSPITAL
                || c.type() == ConsultationType.MDT;
        if (!live || !allowed.contains(ConsultationAction.ACCEPT)) {
            return List.of();
        }
        try {
            Map<UUID, String> names = new LinkedHashMap<>();
            physicians.forEach(p -> names.put(p.id().value(), p.name()));
            var slots = scheduling.searchSlots(new SlotSearch(new InstitutionId(c.toInstitutionId()), null, null, null,
                    ScheduleKind.CONSULTATION, null, null, true, 100));
            Map<ScheduleId, Optional<UUID>> owners = new LinkedHashMap<>();
            var out = new ArrayList<SlotChoice>();
            for (SlotView s : slots) {
                if (!s.start().isAfter(clock.instant())) {
                    continue;
                }
                Optional<UUID> owner = owners.computeIfAbsent(s.scheduleId(), id -> scheduling.schedule(id)
                        .map(x -> x.practitionerId()).map(x -> x.value()));
                out.add(new SlotChoice(s.id().value(), s.start(), owner.map(names::get).orElse(null)));
            }
            return out;
        } catch (MedUnionException e) {
            return List.of(); // another institution's staff or schedules outside the caller's scope
        }
    }
}
