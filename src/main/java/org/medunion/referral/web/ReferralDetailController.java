package org.medunion.referral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medunion.identity.Role;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.BookingKind;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.DestinationType;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.RejectionReason;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotGroups;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A referral's page with the actions the caller may take now (ReferralManagement.allowedActions: the
 * transition table and docs/referral.md "Who may act"): submit, cancel, accept with a free slot or bed of the
 * receiving institution (listed through the scheduling API), reject with a coded reason, redirect, arrive,
 * complete with the summary returned to the referrer. After an action the page shows the new status and
 * timeline; a refused action comes back with the message next to its field.
 */
@Controller
@ConsolePage
class ReferralDetailController {

    private final ReferralManagement referrals;
    private final MedicationStops stops;
    private final SchedulingManagement scheduling;
    private final RegistryManagement registry;
    private final ResidentsManagement residents;
    private final ConsoleSupport support;
    private final Clock clock;

    ReferralDetailController(ReferralManagement referrals, MedicationStops stops, SchedulingManagement scheduling,
                             RegistryManagement registry, ResidentsManagement residents, ConsoleSupport support, Clock clock) {
        this.stops = stops;
        this.residents = residents;
        this.referrals = referrals;
        this.scheduling = scheduling;
        this.registry = registry;
        this.support = support;
        this.clock = clock;
    }

    @GetMapping("/console/referrals/{id}")
    String detail(@PathVariable UUID id, Model model) {
        page(new ReferralId(id), model, new LinkedFormValues(null));
        return "referral/detail";
    }

    @PostMapping("/console/referrals/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
               Model model, HttpServletResponse response) {
        var rid = new ReferralId(id);
        var v = new LinkedFormValues(params);
        ReferralAction a = Inputs.required(FormValues.enumValue(ReferralAction.class, "action", action.toUpperCase()), "action");
        try {
            switch (a) {
                case SUBMIT -> referrals.submit(rid);
                case CANCEL -> referrals.cancel(rid, FormValues.blankToNull(v.get("reason")));
                case ACCEPT -> referrals.accept(rid, accept(referrals.get(rid), v));
                case REJECT -> referrals.reject(rid, new RejectReferral(
                        FormValues.enumValue(RejectionReason.class, "reason", v.get("reason")),
                        FormValues.blankToNull(v.get("text"))));
                case REDIRECT -> referrals.redirect(rid, new RedirectReferral(
                        ReferralFormController.uuid("toInstitutionId", v.get("toInstitutionId")),
                        FormValues.blankToNull(v.get("toDepartment")), FormValues.blankToNull(v.get("reason"))));
                case ARRIVE -> referrals.arrive(rid);
                case COMPLETE -> referrals.complete(rid, new CompleteReferral(FormValues.blankToNull(v.get("summary"))));
                default -> throw new InvalidInputException("action", "request.unknownValue", action,
                        "submit, cancel, accept, reject, redirect, arrive, complete");
            }
            return "redirect:/console/referrals/" + id + "?done=" + a.name();
        } catch (MedUnionException e) {
            model.addAttribute("failed", a);
            return refused(e, rid, model, v, response);
        }
    }

    /** RX-16, I-30: the receiving physician documents that the regimen sent down stops instead of being renewed. */
    @PostMapping("/console/referrals/{id}/medication-stop")
    String stopMedication(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                          HttpServletResponse response) {
        var rid = new ReferralId(id);
        var v = new LinkedFormValues(params);
        try {
            stops.stop(rid, new MedicationStops.Stop(FormValues.enumValue(MedicationStops.Reason.class, "reason", v.get("reason")),
                    FormValues.blankToNull(v.get("note"))));
            return "redirect:/console/referrals/" + id + "?done=STOP";
        } catch (MedUnionException e) {
            model.addAttribute("failedStop", true);
            return refused(e, rid, model, v, response);
        }
    }

    /** The page again with the message next to its field; a refusal of the page itself (403, plain 404) is the error page. */
    private String refused(MedUnionException e, ReferralId rid, Model model, LinkedFormValues v, HttpServletResponse response) {
        if (e.status() == 403 || e.status() == 404 && e.field() == null) {
            throw e;
        }
        response.setStatus(e.status());
        model.addAttribute("errors", support.feedback(e));
        page(rid, model, v);
        return "referral/detail";
    }

    /**
     * Home-based care names the responsible team and the start; otherwise the chosen slot decides what is booked:
     * an outpatient slot, a bed or an exam (an outpatient follow-up may book nothing).
     */
    private AcceptReferral accept(ReferralView r, LinkedFormValues v) {
        String note = FormValues.blankToNull(v.get("note"));
        if (r.destinationType() != null && r.destinationType().isHomeCare()) {
            return AcceptReferral.homeCare(ReferralFormController.uuid("teamId", v.get("teamId")), null,
                    FormValues.date("plannedStart", v.get("plannedStart")), note);
        }
        UUID slot = ReferralFormController.uuid("resourceId", v.get("resourceId"));
        if (slot == null && r.destinationType() == DestinationType.OUTPATIENT_FOLLOW_UP) {
            return new AcceptReferral(null, null, null, null, note);
        }
        if (slot == null) {
            throw new InvalidInputException("resourceId", "field.required");
        }
        // an unknown slot is left to the service, which checks the caller's side first (403 before 400)
        ScheduleKind kind = scheduling.slot(new SlotId(slot)).map(SlotView::kind).orElse(ScheduleKind.OUTPATIENT_SPECIALTY);
        BookingKind booking = kind == ScheduleKind.INPATIENT_BED ? BookingKind.BED
                : kind == ScheduleKind.EXAM ? BookingKind.EXAM : BookingKind.SLOT;
        return new AcceptReferral(booking, slot, null, null, note);
    }

    private void page(ReferralId id, Model model, LinkedFormValues v) {
        ReferralView r = referrals.get(id);
        Set<ReferralAction> allowed = referrals.allowedActions(id);
        model.addAttribute("r", r);
        boolean canExtend = canExtend(r);
        var stop = r.renewableMedicationList() ? stops.stopOf(id) : Optional.<MedicationStops.Recorded>empty();
        model.addAttribute("canExtend", canExtend);
        model.addAttribute("medicationStop", stop.orElse(null));
        model.addAttribute("canStop", canExtend && stop.isEmpty());
        model.addAttribute("stopReasons", MedicationStops.Reason.values());
        model.addAttribute("timeline", referrals.timeline(id));
        model.addAttribute("allowed", allowed);
        model.addAttribute("v", v);
        model.addAttribute("reasons", RejectionReason.values());
        boolean homeCare = r.destinationType() != null && r.destinationType().isHomeCare();
        model.addAttribute("homeCareAcceptance", homeCare);
        if (r.homeCare() != null && r.homeCare().teamId() != null) {
            residents.team(new TeamId(r.homeCare().teamId())).ifPresent(t -> model.addAttribute("homeCareTeam", t.name()));
        }
        if (allowed.contains(ReferralAction.ACCEPT) && r.toInstitutionId() != null) {
            if (homeCare) {
                model.addAttribute("teams", residents.teamsOf(new InstitutionId(r.toInstitutionId())).stream()
                        .filter(TeamView::active).toList());
            } else {
                boolean bed = r.destinationType() != null && r.destinationType().needsBed();
                var slots = scheduling.searchSlots(new SlotSearch(new InstitutionId(r.toInstitutionId()),
                        null, null, null, null, null, null, true, 60)).stream()
                        .filter(s -> !bed || s.kind() == ScheduleKind.INPATIENT_BED).toList();
                model.addAttribute("slots", slots);
                model.addAttribute("slotGroups", SlotGroups.byKindDayDepartment(slots, clock.getZone(),
                        LocaleContextHolder.getLocale(),
                        k -> support.text("scheduling.kind." + k.name())));
            }
        }
        var shown = new ArrayList<UUID>(Arrays.asList(r.fromInstitutionId(), r.toInstitutionId()));
        if (allowed.contains(ReferralAction.REDIRECT)) {
            var targets = redirectTargets(r);
            model.addAttribute("redirectTargets", targets);
            shown.addAll(targets);
        }
        model.addAttribute("names", support.institutionNames(shown));
        if (r.bookingId() != null) {
            // both sides see what was booked (the specialist accepted with it; the GP tells the resident)
            try {
                scheduling.booking(new BookingId(r.bookingId())).ifPresent(b -> model.addAttribute("booking", b));
            } catch (MedUnionException e) {
                // outside the caller's scope: the page shows the referral without the appointment
            }
        }
    }

    /** Other active members of the referral's consortium (not the sender, not the current receiver). */
    private List<UUID> redirectTargets(ReferralView r) {
        LocalDate today = LocalDate.now(clock);
        return (r.consortiumId() == null ? Optional.<ConsortiumView>empty()
                : registry.consortiumEntry(new ConsortiumId(r.consortiumId()))).stream()
                .filter(ConsortiumView::active)
                .map(c -> c.activeMembers(today)).flatMap(List::stream)
                .map(m -> m.institutionId().value())
                .filter(i -> !i.equals(r.fromInstitutionId()) && !i.equals(r.toInstitutionId()))
                .distinct().toList();
    }

    /**
     * RX-16: a physician of the institution that received a downward referral with a medication list may renew it as an
     * extended prescription (延伸处方) — the pharmacy module checks the same again when it is written.
     */
    private boolean canExtend(ReferralView r) {
        var me = support.me();
        return r.renewableMedicationList() && (me.role() == Role.GP || me.role() == Role.SPECIALIST)
                && r.toInstitutionId() != null && r.toInstitutionId().equals(me.scope().referenceId());
    }
}
