package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreType;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExamSlotChoice;
import org.medunion.diagnostics.ExamSlotOffer;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.RecognitionOffer;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.identity.Role;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinician's order form (/console/diagnostics/order, issue 15): a resident in the doctor's scope (name or ID
 * number, shown masked), an item, the recognition offer with "offered because …" / "not offered because …" for each
 * earlier result (loaded with htmx, or with the "show" button without scripts), then recognise one result or
 * re-examine with a reason code and place the order at a centre serving the doctor's institution — for an imaging item
 * with an exam slot of the centre's hospital if the doctor picks one (SC-4, SC-6; reloaded with htmx when the centre
 * changes, or with the "show" button without scripts). The service's
 * refusals come back on the page next to the field they name; nothing is written when one is refused.
 */
@Controller
@ConsolePage
class DiagnosticsOrderConsole {

    private static final String REPORT = "report:";
    private static final String REEXAMINE = "reexamine";
    private static final String EXAM_SLOT = "examSlot";
    private static final String FIRST_FREE = "first";

    private final DiagnosticsManagement diagnostics;
    private final ResidentsManagement residents;
    private final ConsoleSupport support;

    DiagnosticsOrderConsole(DiagnosticsManagement diagnostics, ResidentsManagement residents, ConsoleSupport support) {
        this.diagnostics = diagnostics;
        this.residents = residents;
        this.support = support;
    }

    @GetMapping("/console/diagnostics/order")
    String form(@RequestParam(required = false) @Nullable String residentId, @RequestParam MultiValueMap<String, String> params,
                Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        choices(model, v);
        offer(model, uuid(residentId), FormValues.blankToNull(v.get("itemCode")), uuid(v.get("centreId")));
        model.addAttribute("recognised", diagnostics.items().stream().filter(i -> i.code().equals(v.get("recognised")))
                .findFirst().orElse(null));
        return "diagnostics/order";
    }

    /** Residents in the doctor's scope by name (prefix) or ID number (exact); the ID is shown masked. */
    @GetMapping("/console/diagnostics/order/residents")
    String residents(@RequestParam(required = false) @Nullable String q, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        model.addAttribute("found", found(FormValues.blankToNull(q)));
        model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()));
        return "diagnostics/order :: residents";
    }

    /** The recognition offer for the chosen resident and item (htmx fragment). */
    @GetMapping("/console/diagnostics/order/offer")
    String offerFragment(@RequestParam(required = false) @Nullable String residentId,
                         @RequestParam(required = false) @Nullable String itemCode, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()));
        model.addAttribute("reasons", ReexaminationReason.values());
        offer(model, uuid(residentId), FormValues.blankToNull(itemCode), null);
        return "diagnostics/order :: offer";
    }

    /** The exam slots of the chosen centre's hospital for an imaging order (htmx fragment, SC-4, SC-6). */
    @GetMapping("/console/diagnostics/order/exam-slots")
    String examSlotsFragment(@RequestParam(required = false) @Nullable String residentId,
                             @RequestParam(required = false) @Nullable String itemCode,
                             @RequestParam(required = false) @Nullable String centreId, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()));
        examSlots(model, uuid(residentId), FormValues.blankToNull(itemCode), uuid(centreId));
        return "diagnostics/order :: examSlots";
    }

    @PostMapping("/console/diagnostics/order")
    String enter(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        UUID resident = uuid(v.get("residentId"));
        String item = FormValues.blankToNull(v.get("itemCode"));
        String choice = FormValues.blankToNull(v.get("choice"));
        RecordDecision decision = null;
        if (choice != null && choice.startsWith(REPORT)) {
            decision = new RecordDecision(resident, item, null, uuid(choice.substring(REPORT.length())), null, null, null);
        } else if (REEXAMINE.equals(choice)) {
            decision = new RecordDecision(resident, item, null, null, FormValues.blankToNull(v.get("reasonCode")),
                    v.get("reasonText"), null);
        }
        var order = new PlaceOrder(resident, item, uuid(v.get("centreId")), "on".equals(v.get("urgent")),
                examSlot(FormValues.blankToNull(v.get(EXAM_SLOT))));
        try {
            var entry = diagnostics.enterOrder(decision, order);
            if (entry.order() == null) {
                return "redirect:/console/diagnostics/order?recognised=" + item;
            }
            var decided = entry.decision();
            // a re-examination may owe the patient an explanation (NAT-R-8): the order page shows it if one was prepared
            String explain = decided != null && decided.outcome() == DecisionOutcome.REEXAMINED ? "&explanation=" + decided.id() : "";
            return "redirect:/console/diagnostics/orders/" + entry.order().id().value() + "?saved" + explain;
        } catch (MedUnionException e) {
            if (e.status() == 403) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            choices(model, v);
            offer(model, resident, item, uuid(v.get("centreId")));
            model.addAttribute("recognised", null);
            return "diagnostics/order";
        }
    }

    private void choices(Model model, LinkedFormValues v) {
        model.addAttribute("v", v);
        model.addAttribute("items", diagnostics.items());
        model.addAttribute("reasons", ReexaminationReason.values());
        String q = FormValues.blankToNull(v.get("q"));
        UUID chosen = uuid(v.get("residentId"));
        List<ResidentView> found = found(q);
        if (found.isEmpty() && chosen != null) {
            found = residents.resident(new ResidentId(chosen)).map(List::of).orElse(List.of());
        }
        model.addAttribute("found", found);
    }

    private void offer(Model model, @Nullable UUID resident, @Nullable String item, @Nullable UUID centre) {
        RecognitionOffer offer = null;
        if (resident != null && item != null) {
            try {
                offer = diagnostics.findRecognisable(resident, item, null, null);
            } catch (MedUnionException e) {
                model.addAttribute("offerError", support.message(e));
            }
        }
        model.addAttribute("offer", offer);
        List<CentreView> centres = offer == null ? List.of() : centresFor(offer.itemCode());
        model.addAttribute("centres", centres);
        UUID chosen = centres.stream().map(c -> c.id().value()).filter(c -> c.equals(centre)).findFirst()
                .orElse(centres.isEmpty() ? null : centres.get(0).id().value());
        examSlots(model, offer == null ? null : resident, item, chosen);
    }

    /**
     * For an imaging item at a centre: the slots the doctor may book for the resident — reserved share first for a family
     * doctor's contracted resident (SC-4), priority (SC-6) — or why none can be booked; nothing for other items.
     */
    private void examSlots(Model model, @Nullable UUID resident, @Nullable String item, @Nullable UUID centre) {
        ExamSlotOffer exams = null;
        boolean imaging = item != null && diagnostics.item(item).filter(i -> i.kind() == ItemKind.IMAGING).isPresent();
        if (imaging && resident != null && centre != null) {
            try {
                exams = diagnostics.examSlots(centre, resident, item);
            } catch (MedUnionException e) {
                model.addAttribute("examError", support.message(e));
            }
        }
        model.addAttribute("exams", exams);
    }

    /** The form's exam slot choice: none (blank), the first free slot, or a slot's id. */
    private static @Nullable ExamSlotChoice examSlot(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return FIRST_FREE.equals(value) ? ExamSlotChoice.firstFree(null) : new ExamSlotChoice(uuid(value), null, null);
    }

    /** Centres serving the caller's institution that perform the item's kind (a general centre performs every kind). */
    private List<CentreView> centresFor(String itemCode) {
        UUID mine = support.me().scope().referenceId();
        String kind = diagnostics.item(itemCode).map(i -> i.kind().name()).orElse("");
        return diagnostics.centres(null).stream()
                .filter(c -> c.institutionId().equals(mine) || c.members().contains(mine))
                .filter(c -> c.type() == CentreType.GENERAL || c.type().name().equals(kind)).toList();
    }

    private List<ResidentView> found(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return residents.search(ResidentSearch.typed(text, 20));
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        return FormValues.uuidOrNull(s);
    }
}
