package org.medunion.pharmacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionCheck;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.RuleViolationException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The prescriber's form: a resident picked by name or ID number among the caller's residents (the residents
 * module scopes the search), drug lines picked from the consortium formulary with dose, frequency and days, the
 * live pre-screen while typing (the same checks as submitting, nothing written), the long-prescription assessment
 * and the patient's confirmation when RX-6 asks for them, and the dispensing site. The same form fixes a returned
 * prescription and resubmits it.
 */
@Controller
@ConsolePage
class PrescribeConsoleController {

    private static final String FORM = "pharmacy/prescribe";

    private final PharmacyManagement pharmacy;
    private final ResidentsManagement residents;
    private final PrescriptionForms forms;
    private final ReferralManagement referrals;
    private final ConsoleSupport support;

    PrescribeConsoleController(PharmacyManagement pharmacy, ResidentsManagement residents, PrescriptionForms forms,
                               ReferralManagement referrals, ConsoleSupport support) {
        this.pharmacy = pharmacy;
        this.referrals = referrals;
        this.residents = residents;
        this.forms = forms;
        this.support = support;
    }

    /** The empty form, or (RX-16) one pre-filled from a downward referral the caller's institution received. */
    @GetMapping("/console/pharmacy/prescribe")
    String form(@RequestParam(required = false) @Nullable UUID referral, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        if (referral != null) {
            // RX-16: only the institution that took the referral on renews it; others see no pre-filled resident
            var r = referrals.get(new ReferralId(referral)); // 404 outside the caller's scope
            if (!r.renewableMedicationList() || r.toInstitutionId() == null
                    || !r.toInstitutionId().equals(support.me().scope().referenceId())) {
                throw new ForbiddenException("pharmacy.notRenewable", r.number());
            }
            forms.fromReferral(model, r);
            return FORM;
        }
        forms.choices(model, new LinkedFormValues(new LinkedMultiValueMap<>()), null);
        return FORM;
    }

    @PostMapping("/console/pharmacy/prescribe")
    String submit(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        try {
            var created = pharmacy.prescribe(forms.command(v, null));
            return "redirect:/console/pharmacy/prescriptions/" + created.id() + "?saved";
        } catch (MedUnionException e) {
            return refused(e, model, response, v, null);
        }
    }

    @GetMapping("/console/pharmacy/prescriptions/{id}/fix")
    String fixForm(@PathVariable UUID id, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        PrescriptionView p = pharmacy.prescription(new PrescriptionId(id));
        if (p.status() != PrescriptionStatus.RETURNED) {
            return "redirect:/console/pharmacy/prescriptions/" + id;
        }
        forms.choices(model, forms.values(p), p);
        return FORM;
    }

    @PostMapping("/console/pharmacy/prescriptions/{id}/fix")
    String resubmit(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                    HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        PrescriptionView p = pharmacy.prescription(new PrescriptionId(id));
        try {
            pharmacy.resubmit(new PrescriptionId(id), forms.command(v, p.residentId()));
            return "redirect:/console/pharmacy/prescriptions/" + id + "?done=resubmit";
        } catch (MedUnionException e) {
            return refused(e, model, response, v, p);
        }
    }

    /** The live pre-screen (htmx, on every change of the form): findings, blocking rules, the long-prescription fields. */
    @PostMapping("/console/pharmacy/prescribe/check")
    String check(@RequestParam MultiValueMap<String, String> params, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        model.addAttribute("v", v);
        PrescriptionCheck check = null;
        boolean ready = FormValues.blankToNull(v.get("residentId")) != null
                && v.all("drugCode").stream().anyMatch(s -> FormValues.blankToNull(s) != null);
        if (ready) {
            try {
                check = pharmacy.check(forms.command(v, null));
            } catch (RuleViolationException e) {
                model.addAttribute("errors", support.feedback(e));
                model.addAttribute("needsAssessment", e.violations().stream().anyMatch(x -> x.ruleId().equals("RX-6")));
            } catch (MedUnionException e) {
                if (e.status() == 403) {
                    throw e;
                }
                model.addAttribute("errors", support.feedback(e));
            }
        }
        model.addAttribute("ready", ready);
        model.addAttribute("check", check);
        model.addAttribute("fixing", false);
        forms.assessment(model, v);
        return FORM + " :: check";
    }

    @GetMapping("/console/pharmacy/prescribe/residents")
    String residents(@RequestParam(required = false) @Nullable String q, Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        String text = FormValues.blankToNull(q);
        model.addAttribute("found", text == null ? List.of() : residents.search(ResidentSearch.typed(text, 20)));
        model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()));
        return FORM + " :: residents";
    }

    /** One more empty drug line (htmx, appended to the lines). */
    @GetMapping("/console/pharmacy/prescribe/line")
    String line(Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        model.addAttribute("drugs", forms.drugs());
        model.addAttribute("frequencies", PrescriptionForms.FREQUENCIES);
        model.addAttribute("supplyUnits", PrescriptionForms.SUPPLY_UNITS);
        model.addAttribute("lines", List.of(PrescriptionForms.Line.EMPTY));
        return FORM + " :: line";
    }

    private String refused(MedUnionException e, Model model, HttpServletResponse response, LinkedFormValues v,
                           @Nullable PrescriptionView fixing) {
        if (e.status() == 403 || e.status() == 404 && fixing != null) {
            throw e;
        }
        response.setStatus(e.status());
        model.addAttribute("errors", support.feedback(e));
        if (e instanceof RuleViolationException r) {
            model.addAttribute("needsAssessment", r.violations().stream().anyMatch(x -> x.ruleId().equals("RX-6")));
        }
        forms.choices(model, v, fixing);
        return FORM;
    }
}
