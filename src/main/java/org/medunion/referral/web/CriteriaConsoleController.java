package org.medunion.referral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralManagement;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Referral criteria (转诊标准) of a consortium for its management office: list, add, edit (version-aware),
 * deactivate. Administrators pick the consortium with {@code ?consortium=}.
 */
@Controller
@ConsolePage
class CriteriaConsoleController {

    private final ReferralManagement referrals;
    private final RegistryManagement registry;
    private final ConsoleSupport support;

    CriteriaConsoleController(ReferralManagement referrals, RegistryManagement registry, ConsoleSupport support) {
        this.referrals = referrals;
        this.registry = registry;
        this.support = support;
    }

    @GetMapping("/console/referrals/criteria")
    String list(@RequestParam(required = false) UUID consortium, Model model) {
        page(consortium(consortium), model, new LinkedFormValues(null), null);
        return "referral/criteria";
    }

    @PostMapping("/console/referrals/criteria")
    String save(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        var v = new LinkedFormValues(params);
        UUID consortium = consortium(ReferralFormController.uuidOrNull(v.get("consortium")));
        UUID id = ReferralFormController.uuidOrNull(v.get("id"));
        try {
            var command = new DefineCriterion(consortium,
                    FormValues.enumValue(ReferralDirection.class, "direction", v.get("direction")),
                    FormValues.blankToNull(v.get("department")), FormValues.blankToNull(v.get("diagnosisPrefix")),
                    v.get("text"));
            if (id == null) {
                referrals.defineCriterion(command);
            } else {
                Integer version = FormValues.integer("version", v.get("version"));
                if (version == null) {
                    throw new InvalidInputException("version", "field.required");
                }
                referrals.updateCriterion(id, version, command);
            }
            return "redirect:/console/referrals/criteria?consortium=" + consortium + "&saved";
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404 && e.field() == null) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            page(consortium, model, v, id);
            return "referral/criteria";
        }
    }

    @PostMapping("/console/referrals/criteria/{id}/retire")
    String retire(@PathVariable UUID id, @RequestParam UUID consortium) {
        referrals.retireCriterion(id);
        return "redirect:/console/referrals/criteria?consortium=" + consortium + "&retired";
    }

    private void page(@Nullable UUID consortium, Model model, LinkedFormValues v, @Nullable UUID editing) {
        model.addAttribute("consortium", consortium);
        model.addAttribute("consortiumName", (consortium == null ? Optional.<ConsortiumView>empty()
                : registry.consortiumEntry(new ConsortiumId(consortium))).map(ConsortiumView::name).orElse(""));
        model.addAttribute("criteria", referrals.criteria(consortium, null));
        model.addAttribute("directions", ReferralDirection.values());
        model.addAttribute("v", v);
        model.addAttribute("editing", editing);
    }

    /** The office maintains its own consortium's criteria; an administrator names one. Others: 403. */
    private @Nullable UUID consortium(@Nullable UUID requested) {
        var me = support.me();
        if (me.role() == Role.OFFICE && me.scope().type() == ScopeType.CONSORTIUM && me.scope().reference() != null) {
            return me.scope().referenceId();
        }
        support.requireRole(Role.ADMIN);
        if (requested == null) {
            throw new InvalidInputException("consortium", "field.required");
        }
        return requested;
    }
}
