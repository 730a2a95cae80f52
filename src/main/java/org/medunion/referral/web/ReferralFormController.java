package org.medunion.referral.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.Urgency;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The referring doctor's "new referral" form (/console/referrals/new): a resident in the doctor's scope
 * (masked), destinations suggested best first with their routing rule, the criteria that fit loaded with htmx
 * as direction, destination, department and diagnosis change, and for downward referrals the care plan,
 * follow-up tasks and medication list. The service's refusals come back next to the field they name.
 */
@Controller
@ConsolePage
class ReferralFormController {

    static final int ROWS = 3;

    private final ReferralManagement referrals;
    private final ResidentsManagement residents;
    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final Clock clock;

    ReferralFormController(ReferralManagement referrals, ResidentsManagement residents, RegistryManagement registry,
                           ConsoleSupport support, Clock clock) {
        this.referrals = referrals;
        this.residents = residents;
        this.registry = registry;
        this.support = support;
        this.clock = clock;
    }

    @GetMapping("/console/referrals/new")
    String form(Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        choices(model, new LinkedFormValues(null));
        return "referral/new";
    }

    @PostMapping("/console/referrals/new")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        try {
            var created = referrals.create(command(v));
            return "redirect:/console/referrals/" + created.id() + "?saved";
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404 && e.field() == null) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            choices(model, v);
            return "referral/new";
        }
    }

    /** Residents in the doctor's scope by name (prefix) or ID number (exact); the ID is shown masked. */
    @GetMapping("/console/referrals/new/residents")
    String residents(@RequestParam(required = false) String q, @RequestParam(required = false) String residentId,
                     Model model) {
        String text = FormValues.blankToNull(q);
        List<ResidentView> found = text == null ? List.of()
                : residents.search(ResidentSearch.typed(text, 20));
        model.addAttribute("found", found);
        model.addAttribute("v", new LinkedFormValues(null).with("residentId", residentId));
        return "referral/new :: residents";
    }

    /** Suggested destinations for the chosen resident and direction (SH-15, CN-3, CN-4), best first. */
    @GetMapping("/console/referrals/new/destinations")
    String destinations(@RequestParam MultiValueMap<String, String> params, Model model) {
        var v = new LinkedFormValues(params);
        model.addAttribute("v", v);
        model.addAttribute("suggestions", suggestions(v));
        return "referral/new :: destinations";
    }

    /** The active criteria that fit direction, destination's consortium, department and diagnosis. */
    @GetMapping("/console/referrals/new/criteria")
    String criteria(@RequestParam @Nullable MultiValueMap<String, String> params, Model model) {
        var v = new LinkedFormValues(params);
        model.addAttribute("v", v);
        model.addAttribute("criteria", fitting(v));
        return "referral/new :: criteria";
    }

    private void choices(Model model, LinkedFormValues v) {
        model.addAttribute("v", v);
        model.addAttribute("directions", ReferralDirection.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("destinationTypes", DestinationType.values());
        model.addAttribute("rows", IntStream.range(0, ROWS).boxed().toList());
        model.addAttribute("suggestions", suggestions(v));
        model.addAttribute("criteria", fitting(v));
        UUID resident = uuidOrNull(v.get("residentId"));
        model.addAttribute("found", resident == null ? List.of()
                : residents.resident(new ResidentId(resident)).map(List::of).orElse(List.of()));
    }

    private List<DestinationSuggestion> suggestions(LinkedFormValues v) {
        UUID resident = uuidOrNull(v.get("residentId"));
        if (resident == null) {
            return List.of();
        }
        try {
            return referrals.suggestDestinations(resident, direction(v), FormValues.blankToNull(v.get("toDepartment")),
                    null, FormValues.enumValue(DestinationType.class, "destinationType", v.get("destinationType")));
        } catch (MedUnionException e) {
            return List.of();
        }
    }

    private List<CriterionView> fitting(LinkedFormValues v) {
        var consortium = consortium(uuidOrNull(v.get("toInstitutionId")));
        if (consortium.isEmpty()) {
            return List.of();
        }
        String icd = FormValues.blankToNull(v.get("diagnosisCode"));
        return referrals.matchingCriteria(consortium.get(), direction(v), FormValues.blankToNull(v.get("toDepartment")),
                icd == null ? "" : icd);
    }

    /** The consortium the criteria come from: the first active one the doctor's institution shares with the destination. */
    private Optional<UUID> consortium(@Nullable UUID destination) {
        var me = support.me();
        if (me.scope().reference() == null) {
            return Optional.empty();
        }
        UUID mine = me.scope().requiredReferenceId();
        LocalDate today = LocalDate.now(clock);
        return registry.activeConsortiaOf(new InstitutionId(mine)).stream()
                .filter(c -> has(c, mine, today) && (destination == null || has(c, destination, today)))
                .map(c -> c.id().value()).findFirst();
    }

    private static boolean has(ConsortiumView c, @Nullable UUID institution, LocalDate day) {
        return c.activeMembers(day).stream().anyMatch(m -> m.institutionId().value().equals(institution));
    }

    private static ReferralDirection direction(LinkedFormValues v) {
        ReferralDirection d = FormValues.enumValue(ReferralDirection.class, "direction", v.get("direction"));
        return d == null ? ReferralDirection.UP : d;
    }

    /** The form's values as the service's command; downward-only parts only for downward referrals. */
    private CreateReferral command(LinkedFormValues v) {
        UUID residentId = uuid("residentId", v.get("residentId"));
        if (residentId == null) {
            throw new InvalidInputException("residentId", "field.required");
        }
        ResidentView resident = residents.resident(new ResidentId(residentId))
                .orElseThrow(() -> new InvalidInputException("residentId", "field.required"));
        ReferralDirection direction = FormValues.enumValue(ReferralDirection.class, "direction", v.get("direction"));
        boolean down = direction == ReferralDirection.DOWN;
        List<UUID> met = new ArrayList<>();
        for (String id : v.all("criteriaMet")) {
            met.add(uuid("criteriaMet", id));
        }
        var tasks = new ArrayList<CreateReferral.FollowUpInput>();
        var meds = new ArrayList<CreateReferral.MedicationInput>();
        if (down) {
            var descriptions = v.all("taskDescription");
            var dues = v.all("taskDue");
            for (int i = 0; i < descriptions.size(); i++) {
                String due = i < dues.size() ? dues.get(i) : null;
                if (FormValues.blankToNull(descriptions.get(i)) != null || FormValues.blankToNull(due) != null) {
                    tasks.add(new CreateReferral.FollowUpInput(descriptions.get(i),
                            FormValues.date("followUpTasks.dueDate", due), null, null));
                }
            }
            var drugs = v.all("medDrug");
            for (int i = 0; i < drugs.size(); i++) {
                String dose = v.at("medDose", i);
                String frequency = v.at("medFrequency", i);
                String days = v.at("medDays", i);
                if (FormValues.blankToNull(drugs.get(i)) != null || FormValues.blankToNull(days) != null) {
                    meds.add(new CreateReferral.MedicationInput(drugs.get(i), dose, frequency,
                            FormValues.integer("medications.days", days), null));
                }
            }
        }
        return new CreateReferral(direction, null, null, uuid("toInstitutionId", v.get("toInstitutionId")),
                v.get("toDepartment"), false, residentId, resident.residentIdNumber(), resident.name(), null, null,
                v.get("reason"), v.get("diagnosisCode"), v.get("diagnosisText"),
                FormValues.enumValue(Urgency.class, "urgency", v.get("urgency")), v.get("clinicalSummary"), met,
                FormValues.blankToNull(v.get("noCriteriaReason")),
                down ? FormValues.enumValue(DestinationType.class, "destinationType", v.get("destinationType")) : null,
                List.of(), down ? FormValues.blankToNull(v.get("carePlan")) : null, tasks, meds,
                "submit".equals(v.get("action")));
    }

    static @Nullable UUID uuid(String field, @Nullable String value) {
        String s = FormValues.blankToNull(value);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "request.wrongType", s, "UUID");
        }
    }

    static @Nullable UUID uuidOrNull(@Nullable String value) {
        try {
            return uuid("id", value);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
