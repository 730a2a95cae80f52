package org.medunion.scheduling.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.medunion.identity.Role;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotCursor;
import org.medunion.scheduling.SlotGroups;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.internal.SchedulingAccess;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Console page /console/schedules: a GP searches free slots across the consortium by department and date and
 * books for a contracted resident; a lead hospital sees its schedules, release ratios (I-8, I-9) and bookings.
 */
@Controller
@org.medunion.shared.web.ConsolePage
@RequestMapping("/console/schedules")
class SchedulingConsoleController {

    /** Free slots a search shows at once; "more" continues after the last one (keyset, as the REST search). */
    static final int PAGE = 50;

    private final SchedulingManagement scheduling;
    private final SchedulingAccess access;
    private final RegistryManagement registry;
    private final MessageSource messages;
    private final Clock clock;

    SchedulingConsoleController(SchedulingManagement scheduling, SchedulingAccess access, RegistryManagement registry,
                                MessageSource messages, Clock clock) {
        this.scheduling = scheduling;
        this.access = access;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(required = false) UUID institution, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Model model) {
        var c = access.caller();
        LocalDate today = LocalDate.now(clock);
        InstitutionId hospital = institution != null ? new InstitutionId(institution)
                : (c.role() == Role.SPECIALIST || c.role() == Role.OFFICE) ? c.institution() : null;
        model.addAttribute("names", institutionNames(hospital == null ? List.of() : List.of(hospital)));
        model.addAttribute("today", today);
        model.addAttribute("kinds", ScheduleKind.values());
        model.addAttribute("pools", SlotPool.values());
        boolean gp = c.role() == Role.GP;
        model.addAttribute("gp", gp);
        if (gp && c.institution() != null) {
            List<ConsortiumView> consortia = registry.activeConsortiaOf(c.institution());
            model.addAttribute("consortia", consortia);
        }
        model.addAttribute("hospital", hospital);
        if (hospital != null) {
            LocalDate f = from != null ? from : today.withDayOfMonth(1);
            LocalDate t = to != null && to.isAfter(f) ? to : f.plusMonths(1);
            model.addAttribute("from", f);
            model.addAttribute("to", t);
            model.addAttribute("schedules", scheduling.schedules(hospital));
            model.addAttribute("ratios", scheduling.releaseRatios(hospital, f, t));
            model.addAttribute("bookings", scheduling.bookingsOfInstitution(hospital, 50));
            model.addAttribute("manage", access.mayManage(c, hospital));
        }
        return "scheduling/schedules";
    }

    @GetMapping("/slots")
    String slots(@RequestParam(required = false) UUID consortium, @RequestParam(required = false) UUID institution,
                 @RequestParam(required = false) String department, @RequestParam(required = false) LocalDate date,
                 @RequestParam(required = false) ScheduleKind kind, @RequestParam(required = false) String after,
                 Model model) {
        // no date: every upcoming free slot, so the first search finds some; further pages by keyset
        var found = scheduling.searchSlots(new SlotSearch(institution == null ? null : new InstitutionId(institution),
                consortium == null ? null : new ConsortiumId(consortium), null, department, kind,
                date, null, true, PAGE, after == null || after.isBlank() ? null : SlotCursor.parse("after", after)));
        model.addAttribute("slots", found);
        var base = UriComponentsBuilder.fromPath("/console/schedules/slots")
                .queryParamIfPresent("consortium", Optional.ofNullable(consortium))
                .queryParamIfPresent("institution", Optional.ofNullable(institution))
                .queryParamIfPresent("department", Optional.ofNullable(department).filter(d -> !d.isBlank()))
                .queryParamIfPresent("date", Optional.ofNullable(date))
                .queryParamIfPresent("kind", Optional.ofNullable(kind));
        if (after != null && !after.isBlank()) {
            model.addAttribute("first", base.cloneBuilder().encode().build().toUriString());
        }
        if (found.size() == PAGE) {
            model.addAttribute("next", base.queryParam("after", SlotCursor.after(found.get(PAGE - 1)).token())
                    .encode().build().toUriString());
        }
        model.addAttribute("groups", SlotGroups.byKindDayDepartment(found, clock.getZone(),
                LocaleContextHolder.getLocale(),
                k -> messages.getMessage("scheduling.kind." + k.name(), null, k.name(),
                        LocaleContextHolder.getLocale())));
        model.addAttribute("names", institutionNames(found.stream().map(s -> s.institutionId()).distinct().toList()));
        return "scheduling/slots :: results";
    }

    @PostMapping("/book")
    String book(@RequestParam UUID slotId, @RequestParam(required = false) String residentId, Model model, Locale locale) {
        try {
            UUID resident;
            if (residentId == null || residentId.isBlank()) {
                throw new InvalidInputException("residentId", "scheduling.book.pickResident");
            }
            try {
                resident = UUID.fromString(residentId.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("residentId", "request.wrongType", residentId, "UUID");
            }
            model.addAttribute("booking", scheduling.book(BookSlot.slot(new SlotId(slotId), new ResidentId(resident))));
        } catch (MedUnionException e) {
            model.addAttribute("error", message(e, locale));
        }
        return "scheduling/slots :: booked";
    }

    @PostMapping("/bookings/{id}/{action}")
    String change(@PathVariable UUID id, @PathVariable String action, Model model, Locale locale) {
        try {
            var b = switch (action) {
                case "cancel" -> scheduling.cancel(new BookingId(id));
                case "no-show" -> scheduling.recordNoShow(new BookingId(id));
                case "attended" -> scheduling.recordAttendance(new BookingId(id));
                default -> throw new InvalidInputException("action", "request.unknownValue", action,
                        "cancel, no-show, attended");
            };
            model.addAttribute("b", b);
        } catch (MedUnionException e) {
            model.addAttribute("error", message(e, locale));
        }
        return "scheduling/slots :: bookingStatus";
    }

    /** Names of just the institutions a page shows (a name is no personal data; the other side may lie outside scope). */
    private Map<UUID, String> institutionNames(Collection<InstitutionId> shown) {
        var out = new HashMap<UUID, String>();
        registry.institutionNames(shown).forEach((id, name) -> out.put(id.value(), name));
        return out;
    }

    private String message(MedUnionException e, Locale locale) {
        Object[] args = new Object[e.arguments().size() + 1];
        args[0] = e.field() == null ? "" : e.field();
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        return Objects.requireNonNullElse(messages.getMessage("error." + e.code(), args, e.code(), locale), e.code());
    }
}
