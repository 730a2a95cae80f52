package org.medunion.pharmacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionMeasures;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.shared.InstitutionDays;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.shared.web.ListPage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages of prescriptions after writing: the prescriber's list (returned ones first, to fix and resubmit),
 * the pharmacist's review queue (oldest first, due times) and dispensing list, and the detail page with the
 * findings and the actions the caller may take in its role — approve or return with a reason (the reviewing
 * institution's pharmacist), fix, override or cancel (the prescriber), dispense (the chosen dispensing site).
 */
@Controller
@ConsolePage
class PrescriptionConsoleController {

    /** Preset return reasons (RX-10); the pharmacist may add details. */
    static final List<String> RETURN_REASONS = List.of("DUPLICATE", "DOSE", "INTERACTION", "CONTRAINDICATION", "FORMAT",
            "LONG_PRESCRIPTION", "OTHER");

    private static final String LIST = "pharmacy/list";

    /** The review-quality card looks back this many days. */
    private static final int QUALITY_DAYS = 90;

    private final PharmacyManagement pharmacy;
    private final PrescriptionMeasures measures;
    private final ConsoleSupport support;
    private final Clock clock;

    PrescriptionConsoleController(PharmacyManagement pharmacy, PrescriptionMeasures measures, ConsoleSupport support, Clock clock) {
        this.pharmacy = pharmacy;
        this.measures = measures;
        this.support = support;
        this.clock = clock;
    }

    @GetMapping("/console/pharmacy/prescriptions")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST, Role.ADMIN);
        int p = Math.max(0, page);
        var slice = pharmacy.prescriptions(null, ListPage.SIZE, p * ListPage.SIZE);
        int pages = (int) Math.max(1, (slice.total() + ListPage.SIZE - 1) / ListPage.SIZE);
        if (p >= pages && slice.total() > 0) {
            return list(pages - 1, model);
        }
        return box(model, new ListPage<>(slice.items(), p, pages, slice.total()), "mine");
    }

    /** The pharmacist's queues are work lists, oldest first, at most 500 (the module's cap), paged here. */
    /** The queue, and under it how the institution's reviews went over the last 90 days (I-27: turnaround, rule precision). */
    @GetMapping("/console/pharmacy/review")
    String review(@RequestParam(defaultValue = "0") int page, Model model) {
        support.requireRole(Role.PHARMACIST);
        var queue = ListPage.of(pharmacy.reviewQueue(), page); // refuses a pharmacist without an institution
        UUID mine = support.me().scope().referenceId();
        if (mine != null) {
            LocalDate today = LocalDate.now(clock);
            model.addAttribute("quality", measures.reviewQuality(new InstitutionDays(mine, today.minusDays(QUALITY_DAYS - 1),
                    today.plusDays(1))));
            model.addAttribute("qualityDays", QUALITY_DAYS);
        }
        return box(model, queue, "review");
    }

    @GetMapping("/console/pharmacy/dispensing")
    String dispensing(@RequestParam(defaultValue = "0") int page, Model model) {
        support.requireRole(Role.PHARMACIST);
        return box(model, ListPage.of(pharmacy.dispensingList(), page), "dispensing");
    }

    private String box(Model model, ListPage<PrescriptionView> result, String box) {
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items());
        model.addAttribute("box", box);
        model.addAttribute("now", clock.instant());
        return LIST;
    }

    @GetMapping("/console/pharmacy/prescriptions/{id}")
    String detail(@PathVariable UUID id, Model model) {
        PrescriptionView p = pharmacy.prescription(new PrescriptionId(id));
        CurrentUser me = support.me();
        UUID mine = me.scope().referenceId();
        boolean pharmacist = me.role() == Role.PHARMACIST;
        boolean prescriber = (me.role() == Role.GP || me.role() == Role.SPECIALIST) && p.prescribingInstitutionId().equals(mine);
        model.addAttribute("p", p);
        model.addAttribute("mayReview", pharmacist && p.reviewingInstitutionId().equals(mine)
                && p.allowedActions().contains(PrescriptionAction.APPROVE));
        model.addAttribute("mayDispense", pharmacist && p.dispensingInstitutionId().equals(mine)
                && p.allowedActions().contains(PrescriptionAction.DISPENSE));
        model.addAttribute("mayFix", prescriber && p.allowedActions().contains(PrescriptionAction.RESUBMIT));
        model.addAttribute("mayCancel", prescriber && p.allowedActions().contains(PrescriptionAction.CANCEL));
        model.addAttribute("returnReasons", RETURN_REASONS);
        model.addAttribute("notDispensedReasons", NotDispensedReason.values());
        model.addAttribute("now", clock.instant());
        return "pharmacy/detail";
    }

    @PostMapping("/console/pharmacy/prescriptions/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params, Model model,
               HttpServletResponse response) {
        var v = new LinkedFormValues(params);
        var pid = new PrescriptionId(id);
        try {
            switch (action) {
                case "approve" -> pharmacy.approve(pid, new ReviewDecision(FormValues.blankToNull(v.get("note")), null));
                case "return" -> pharmacy.returnToPrescriber(pid, new ReviewDecision(null, returnReason(v)));
                case "override" -> pharmacy.override(pid, new ReviewDecision(null, FormValues.blankToNull(v.get("reason"))));
                case "cancel" -> pharmacy.cancel(pid, new ReviewDecision(null, FormValues.blankToNull(v.get("reason"))));
                case "dispense" -> pharmacy.dispense(pid, PrescriptionAction.DISPENSE, new Dispense(null, v.get("note")));
                case "dispense-partial", "not-dispensed" -> pharmacy.dispense(pid, "dispense-partial".equals(action)
                        ? PrescriptionAction.DISPENSE_PARTIAL : PrescriptionAction.NOT_DISPENSE,
                        new Dispense(
                                FormValues.enumValue(NotDispensedReason.class, "reason", v.get("dispenseReason")), v.get("note")));
                default -> {
                    return "redirect:/console/pharmacy/prescriptions/" + id;
                }
            }
            return "redirect:/console/pharmacy/prescriptions/" + id + "?done=" + action;
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            return detail(id, model);
        }
    }

    /** The preset reason in the pharmacist's language, then the details typed. */
    private @Nullable String returnReason(LinkedFormValues v) {
        String code = FormValues.blankToNull(v.get("reasonCode"));
        String details = FormValues.blankToNull(v.get("reason"));
        String preset = code == null || !RETURN_REASONS.contains(code) ? null : support.text("pharmacy.return." + code);
        if (preset == null) {
            return details;
        }
        return details == null ? preset : preset + "：" + details.strip();
    }
}
