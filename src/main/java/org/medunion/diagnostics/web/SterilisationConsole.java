package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DefinePackType;
import org.medunion.diagnostics.IndicatorResult;
import org.medunion.diagnostics.MovePacks;
import org.medunion.diagnostics.PackCondition;
import org.medunion.diagnostics.RecordBatch;
import org.medunion.diagnostics.RecordIndicator;
import org.medunion.diagnostics.SterilisationManagement;
import org.medunion.diagnostics.SterilisationMethod;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sterilisation centre in the console (SC-7): the centres the caller runs, oversees or is served by; a centre's
 * stock per batch with the forms to define pack types, record batches, issue and take back packs (its centre staff);
 * a batch's trace with indicator and recall; a member's receipts. The service's refusals come back next to the field.
 */
@Controller
@ConsolePage
class SterilisationConsole {

    private static final String BASE = "/console/diagnostics/sterilisation";

    private final SterilisationManagement sterilisation;
    private final ConsoleSupport support;

    SterilisationConsole(SterilisationManagement sterilisation, ConsoleSupport support) {
        this.sterilisation = sterilisation;
        this.support = support;
    }

    @GetMapping(BASE)
    String centres(Model model) {
        requireRole();
        var centres = sterilisation.sterilisationCentres();
        model.addAttribute("centres", centres);
        UUID own = own();
        boolean all = support.me().role() == Role.OFFICE || support.me().role() == Role.ADMIN;
        model.addAttribute("readable", centres.stream().filter(c -> all || c.institutionId().equals(own)).map(c -> c.id().value())
                .collect(Collectors.toSet()));
        model.addAttribute("receipts", own == null ? List.of() : sterilisation.receipts(own));
        return "diagnostics/sterilisation";
    }

    @GetMapping(BASE + "/centres/{id}")
    String centre(@PathVariable UUID id, Model model) {
        requireRole();
        CentreView centre = sterilisation.sterilisationCentres().stream().filter(c -> c.id().value().equals(id)).findFirst()
                .orElse(null);
        var batches = sterilisation.batches(new CentreId(id));
        model.addAttribute("centre", centre);
        model.addAttribute("batches", batches);
        model.addAttribute("packTypes", sterilisation.packTypes(new CentreId(id)));
        model.addAttribute("works", centre != null && support.me().role() == Role.CENTRE_STAFF && centre.institutionId().equals(own()));
        Set<UUID> members = new HashSet<>(centre == null ? List.of() : centre.members());
        if (centre != null) {
            members.add(centre.institutionId());
        }
        model.addAttribute("members", support.institutionNames(members));
        model.addAttribute("methods", SterilisationMethod.values());
        model.addAttribute("indicators", IndicatorResult.values());
        model.addAttribute("conditions", PackCondition.values());
        if (!model.containsAttribute("v")) {
            model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()).with("chemicalIndicator", IndicatorResult.PASS.name())
                    .with("biologicalIndicator", IndicatorResult.PENDING.name()));
        }
        return "diagnostics/sterilisation-centre";
    }

    @PostMapping(BASE + "/centres/{id}/{action}")
    String centreAction(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
                        Model model, HttpServletResponse response) {
        requireRole();
        var v = new LinkedFormValues(params);
        Runnable step = switch (action) {
            case "pack-type" -> () -> sterilisation.definePackType(new DefinePackType(id, v.get("name"), v.get("method"),
                    FormValues.integer("shelfLifeDays", v.get("shelfLifeDays"))));
            case "batch" -> () -> sterilisation.recordBatch(new CentreId(id), new RecordBatch(FormValues.uuidOrNull(v.get("packTypeId")),
                    FormValues.integer("quantity", v.get("quantity")), v.get("loadNumber"), FormValues.blankToNull(v.get("method")), null,
                    v.get("chemicalIndicator"), v.get("biologicalIndicator")));
            case "issue" -> () -> sterilisation.issue(move(v));
            case "return" -> () -> sterilisation.returnPacks(move(v));
            default -> () -> {
            };
        };
        return submit(step, "redirect:" + BASE + "/centres/" + id + "?done=" + action, model, response, () -> {
            model.addAttribute("v", v);
            model.addAttribute("failed", action);
            return centre(id, model);
        });
    }

    @GetMapping(BASE + "/batches/{id}")
    String batch(@PathVariable UUID id, Model model) {
        requireRole();
        var trace = sterilisation.trace(id);
        model.addAttribute("t", trace);
        CentreView centre = sterilisation.sterilisationCentres().stream()
                .filter(c -> c.id().value().equals(trace.batch().centreId())).findFirst().orElse(null);
        model.addAttribute("works", centre != null && support.me().role() == Role.CENTRE_STAFF && centre.institutionId().equals(own()));
        model.addAttribute("indicators", IndicatorResult.values());
        return "diagnostics/sterilisation-batch";
    }

    @PostMapping(BASE + "/batches/{id}/{action}")
    String batchAction(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
                       Model model, HttpServletResponse response) {
        requireRole();
        var v = new LinkedFormValues(params);
        Runnable step = switch (action) {
            case "indicator" -> () -> sterilisation.recordIndicator(id, new RecordIndicator(
                    FormValues.blankToNull(v.get("chemicalIndicator")), FormValues.blankToNull(v.get("biologicalIndicator"))));
            case "recall" -> () -> sterilisation.recall(id, v.get("reason"));
            default -> () -> {
            };
        };
        return submit(step, "redirect:" + BASE + "/batches/" + id + "?done=" + action, model, response, () -> batch(id, model));
    }

    /** Runs a form's step; a refusal (not 403 or 404) shows the page again with the errors next to their fields. */
    private String submit(Runnable step, String done, Model model, HttpServletResponse response, Supplier<String> again) {
        try {
            step.run();
            return done;
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            return again.get();
        }
    }

    @GetMapping(BASE + "/receipts")
    String receipts(@RequestParam(required = false) @Nullable UUID institutionId, Model model) {
        requireRole();
        UUID institution = institutionId != null ? institutionId : own();
        model.addAttribute("receipts", sterilisation.receipts(institution));
        model.addAttribute("institution", institution == null ? "" : support.institutionNames(List.of(institution))
                .getOrDefault(institution, ""));
        return "diagnostics/sterilisation-receipts";
    }

    private void requireRole() {
        support.requireRole(Role.CENTRE_STAFF, Role.OFFICE, Role.GP, Role.SPECIALIST, Role.ADMIN);
    }

    private @Nullable UUID own() {
        var scope = support.me().scope();
        return scope.type() == ScopeType.INSTITUTION ? scope.referenceId() : null;
    }

    private static MovePacks move(LinkedFormValues v) {
        return new MovePacks(FormValues.uuidOrNull(v.get("batchId")), FormValues.uuidOrNull(v.get("institutionId")),
                FormValues.integer("quantity", v.get("quantity")), FormValues.blankToNull(v.get("condition")));
    }
}
