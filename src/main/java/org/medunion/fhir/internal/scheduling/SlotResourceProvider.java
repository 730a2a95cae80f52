package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotStatus;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * FHIR Slot: read, and search by {@code schedule}, {@code status} and {@code start}. Slots reserved for
 * primary care carry the meta.tag {@code slot-pool|primary-care-reserved} (NN-4).
 */
@Component
public class SlotResourceProvider implements IResourceProvider {

    private final SchedulingManagement scheduling;
    private final Clock clock;

    SlotResourceProvider(SchedulingManagement scheduling, Clock clock) {
        this.scheduling = scheduling;
        this.clock = clock;
    }

    @Override
    public Class<Slot> getResourceType() {
        return Slot.class;
    }

    @Read
    public Slot read(@IdParam IdType id) {
        return scheduling.slot(new SlotId(SchedulingFhir.uuid(id.getIdPart(), null, "id")))
                .map(SlotToSlotMapper::slot)
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<Slot> search(@OptionalParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
                             @OptionalParam(name = Slot.SP_STATUS) TokenParam status,
                             @OptionalParam(name = Slot.SP_START) DateRangeParam start) {
        boolean freeOnly = false;
        if (status != null) {
            if (!"free".equals(status.getValue()) && !"busy".equals(status.getValue()) && !"busy-unavailable".equals(status.getValue())) {
                throw new InvalidInputException("status", "request.unknownValue", status.getValue(), "free, busy, busy-unavailable");
            }
            freeOnly = "free".equals(status.getValue());
        }
        ScheduleId scheduleId = schedule == null ? null
                : new ScheduleId(SchedulingFhir.uuid(schedule.getValue(), "Schedule", "schedule"));
        Instant from = start == null || start.getLowerBoundAsInstant() == null ? null : start.getLowerBoundAsInstant().toInstant();
        Instant to = start == null || start.getUpperBoundAsInstant() == null ? null : start.getUpperBoundAsInstant().toInstant();
        LocalDate day = scheduleId == null && from != null ? LocalDate.ofInstant(from, clock.getZone()) : null;
        String wanted = status == null ? null : status.getValue();
        return scheduling.searchSlots(new SlotSearch(null, null, scheduleId, null, null, day, null, freeOnly, 500)).stream()
                .filter(s -> from == null || !s.start().isBefore(from))
                .filter(s -> to == null || !s.start().isAfter(to))
                .filter(s -> wanted == null || wanted.equals(switch (s.status()) {
                    case FREE -> "free";
                    case BOOKED -> "busy";
                    case BLOCKED -> "busy-unavailable";
                }))
                .map(SlotToSlotMapper::slot).toList();
    }

    static boolean isFree(SlotStatus s) {
        return s == SlotStatus.FREE;
    }
}
