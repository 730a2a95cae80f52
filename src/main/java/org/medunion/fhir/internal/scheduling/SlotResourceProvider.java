package org.medunion.fhir.internal.scheduling;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Slot;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Versions;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotQuery;
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

    @Read(version = true)
    public Slot read(@IdParam IdType id) {
        var slot = scheduling.slot(new SlotId(SchedulingFhir.uuid(id.getIdPart(), null, "id")))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        Versions.requireCurrent(id, slot.version());
        return SlotToSlotMapper.slot(slot);
    }

    /**
     * Every parameter combines with every other, filtered and paged in SQL in start order; {@code start} follows
     * the R4 date rules in the platform's zone ({@link LastUpdated}); {@code status=free} leaves out slots that
     * have already begun (they cannot be booked).
     */
    @Search
    public IBundleProvider search(@OptionalParam(name = Slot.SP_SCHEDULE) ReferenceParam schedule,
                                  @OptionalParam(name = Slot.SP_STATUS) TokenParam status,
                                  @OptionalParam(name = Slot.SP_START) DateRangeParam start,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        SlotStatus wanted = status == null ? null : switch (status.getValue() == null ? "" : status.getValue()) {
            case "free" -> SlotStatus.FREE;
            case "busy" -> SlotStatus.BOOKED;
            case "busy-unavailable" -> SlotStatus.BLOCKED;
            default -> throw new InvalidInputException("status", "request.unknownValue", status.getValue(),
                    "free, busy, busy-unavailable");
        };
        ScheduleId scheduleId = schedule == null ? null
                : new ScheduleId(SchedulingFhir.uuid(schedule.getValue(), "Schedule", "schedule"));
        Pages.Request page = Pages.request(count, offset);
        var slice = scheduling.searchSlots(new SlotQuery(scheduleId, wanted, LastUpdated.from(Slot.SP_START, start, clock.getZone()),
                LastUpdated.to(Slot.SP_START, start, clock.getZone()), LastUpdated.from(lastUpdated), LastUpdated.to(lastUpdated),
                Math.max(1, page.count()), page.first()));
        return Pages.of(page, page.count() == 0 ? List.of() : slice.items().stream().map(SlotToSlotMapper::slot).toList(),
                slice.total());
    }
}
