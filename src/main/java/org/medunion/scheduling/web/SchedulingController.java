package org.medunion.scheduling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingError;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotCursor;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotView;
import org.medunion.scheduling.web.SchedulingJson.BookRequest;
import org.medunion.scheduling.web.SchedulingJson.BookingJson;
import org.medunion.scheduling.web.SchedulingJson.PublishScheduleRequest;
import org.medunion.scheduling.web.SchedulingJson.ReleaseRatioJson;
import org.medunion.scheduling.web.SchedulingJson.ScheduleJson;
import org.medunion.scheduling.web.SchedulingJson.SlotJson;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** REST API of scheduling: schedules, slot search, bookings (Idempotency-Key, R-4), release ratios (I-8, I-9). */
@RestController
@RequestMapping("/api/scheduling")
@Tag(name = "Scheduling", description = "Slots, beds and exam capacity of lead hospitals; reserved share for primary care (NN-4); booking")
class SchedulingController {

    private final SchedulingManagement scheduling;

    SchedulingController(SchedulingManagement scheduling) {
        this.scheduling = scheduling;
    }

    @PostMapping("/schedules")
    @Operation(summary = "Publish a schedule and generate its slots; ceil(total × reserved share) are reserved for primary care (NN-4)")
    ResponseEntity<ScheduleJson> publish(@RequestBody PublishScheduleRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "field.required");
        }
        var view = scheduling.publishSchedule(new PublishSchedule(
                r.institutionId() == null ? null : new InstitutionId(r.institutionId()), r.department(), r.discipline(),
                r.practitionerId() == null ? null : new PractitionerId(r.practitionerId()), r.kind(), r.periodStart(),
                r.periodEnd(), r.dayStart(), r.dayEnd(), r.slotMinutes(), r.perInterval(), r.reservedShare(),
                r.releaseLeadTime()));
        return ResponseEntity.created(URI.create("/api/scheduling/schedules/" + view.id())).body(ScheduleJson.of(view));
    }

    @GetMapping("/schedules")
    @Operation(summary = "Schedules in the caller's scope; a hospital account sees its own institution's only")
    List<ScheduleJson> schedules(@RequestParam(required = false) UUID institution) {
        return scheduling.schedules(institution == null ? null : new InstitutionId(institution)).stream()
                .map(ScheduleJson::of).toList();
    }

    @GetMapping("/schedules/{id}")
    @Operation(summary = "One schedule")
    ScheduleJson schedule(@PathVariable UUID id) {
        return scheduling.schedule(new ScheduleId(id)).map(ScheduleJson::of)
                .orElseThrow(() -> new NotFoundException("Schedule", id));
    }

    @GetMapping("/slots")
    @Operation(summary = "Search slots across an institution or a consortium by department, kind, date and pool; "
            + "a full page carries a Link header (rel=next) to the next one (keyset paging)")
    ResponseEntity<List<SlotJson>> slots(@RequestParam(required = false) UUID institution,
                                         @RequestParam(required = false) UUID consortium,
                                         @RequestParam(required = false) UUID schedule,
                                         @Parameter(description = "department or discipline, partial match") @RequestParam(required = false) String discipline,
                                         @RequestParam(required = false) ScheduleKind kind,
                                         @RequestParam(required = false) LocalDate date,
                                         @RequestParam(required = false) SlotPool pool,
                                         @RequestParam(defaultValue = "false") boolean free,
                                         @RequestParam(defaultValue = "100") int limit,
                                         @Parameter(description = "the page after this cursor, from the previous page's Link header") @RequestParam(required = false) String after) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", SchedulingError.VALUE_OUT_OF_RANGE, limit, 1, 500);
        }
        SlotCursor cursor = after == null ? null : SlotCursor.parse("after", after);
        List<SlotView> page = scheduling.searchSlots(new SlotSearch(institution == null ? null : new InstitutionId(institution),
                consortium == null ? null : new ConsortiumId(consortium), schedule == null ? null : new ScheduleId(schedule),
                discipline, kind, date, pool, free, limit, cursor));
        var answer = ResponseEntity.ok();
        if (page.size() == limit) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", SlotCursor.after(page.get(page.size() - 1)).token()).build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(page.stream().map(SlotJson::of).toList());
    }

    @GetMapping("/slots/{id}")
    @Operation(summary = "One slot")
    SlotJson slot(@PathVariable UUID id) {
        return scheduling.slot(new SlotId(id)).map(SlotJson::of).orElseThrow(() -> new NotFoundException("Slot", id));
    }

    @PostMapping("/bookings")
    @Operation(summary = "Book a slot (or the first free slot of a schedule) for a resident; taken slot → 409 SCHEDULING-0001; "
            + "repeat with the same Idempotency-Key → the same booking (R-4)")
    ResponseEntity<BookingJson> book(@RequestBody BookRequest r) {
        if (r == null) {
            throw new InvalidInputException("body", "field.required");
        }
        var b = scheduling.book(new BookSlot(r.slotId() == null ? null : new SlotId(r.slotId()),
                r.scheduleId() == null ? null : new ScheduleId(r.scheduleId()), r.date(),
                r.residentId() == null ? null : new ResidentId(r.residentId())));
        return ResponseEntity.created(URI.create("/api/scheduling/bookings/" + b.id())).body(BookingJson.of(b));
    }

    @GetMapping("/bookings/{id}")
    @Operation(summary = "One booking (audited)")
    BookingJson booking(@PathVariable UUID id) {
        return scheduling.booking(new BookingId(id)).map(BookingJson::of).orElseThrow(() -> new NotFoundException("Booking", id));
    }

    @PostMapping("/bookings/{id}/cancel")
    @Operation(summary = "Cancel; the slot returns to the pool it came from")
    BookingJson cancel(@PathVariable UUID id) {
        return BookingJson.of(scheduling.cancel(new BookingId(id)));
    }

    @PostMapping("/bookings/{id}/no-show")
    @Operation(summary = "The hospital records a no-show")
    BookingJson noShow(@PathVariable UUID id) {
        return BookingJson.of(scheduling.recordNoShow(new BookingId(id)));
    }

    @PostMapping("/bookings/{id}/attended")
    @Operation(summary = "The hospital records attendance")
    BookingJson attended(@PathVariable UUID id) {
        return BookingJson.of(scheduling.recordAttendance(new BookingId(id)));
    }

    @GetMapping("/bookings")
    @Operation(summary = "Bookings of a resident, or of an institution, in the caller's scope (audited)")
    List<BookingJson> bookings(@RequestParam(required = false) UUID resident, @RequestParam(required = false) UUID institution,
                               @RequestParam(defaultValue = "100") int limit) {
        if (resident != null) {
            return scheduling.bookingsOf(new ResidentId(resident)).stream().map(BookingJson::of).toList();
        }
        if (institution != null) {
            return scheduling.bookingsOfInstitution(new InstitutionId(institution), limit).stream().map(BookingJson::of).toList();
        }
        throw new InvalidInputException("resident", "field.required");
    }

    @GetMapping("/release-ratios")
    @Operation(summary = "I-8 release ratios and I-9 reserved-slot use of a hospital for [from, to)")
    ReleaseRatioJson ratios(@RequestParam UUID institution, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return ReleaseRatioJson.of(scheduling.releaseRatios(new InstitutionId(institution), from, to));
    }
}
