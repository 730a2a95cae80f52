package org.medunion.residents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ContractService;
import org.medunion.residents.ContractView;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.Registration;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.web.ConsolePage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console: a GP finds a resident by ID number or name, sees identifiers masked or not per role, the contract
 * and the team, registers residents and signs contracts. Planners see counts only.
 */
@Controller
@ConsolePage
@RequestMapping("/console/residents")
class ResidentsConsoleController {

    private final ResidentsManagement residents;
    private final RegistryManagement registry;
    private final CurrentUsers users;
    private final MessageSource messages;

    ResidentsConsoleController(ResidentsManagement residents, RegistryManagement registry, CurrentUsers users,
                               MessageSource messages) {
        this.residents = residents;
        this.registry = registry;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    String index(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String name, Model model) {
        CurrentUser u = users.require();
        model.addAttribute("idNumber", idNumber == null ? "" : idNumber);
        model.addAttribute("name", name == null ? "" : name);
        if (u.role() == Role.PLANNER || u.role() == Role.OFFICE) {
            model.addAttribute("stats", residents.statistics());
            return "residents/index";
        }
        boolean searched = idNumber != null && !idNumber.isBlank() || name != null && !name.isBlank();
        if (searched) {
            try {
                model.addAttribute("results", residents.search(new ResidentSearch(blankToNull(idNumber), blankToNull(name), 50)));
            } catch (MedUnionException e) {
                model.addAttribute("error", message(e));
            }
        }
        model.addAttribute("searched", searched);
        if (u.role() == Role.GP || u.role() == Role.SPECIALIST) {
            // break-the-glass accesses to the institution's contracted residents are reported here (issue 10)
            model.addAttribute("breakGlass", residents.breakTheGlassReports());
        }
        return "residents/index";
    }

    @PostMapping
    String register(@RequestParam String idNumber, @RequestParam String name, @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String localRecordNumber, Model model, RedirectAttributes redirect) {
        try {
            Registration r = residents.register(new RegisterResident(idNumber, name, null, null,
                    blankToNull(phone), null, null, blankToNull(localRecordNumber)));
            redirect.addFlashAttribute("notice", text(r.outcome() == Registration.Outcome.CREATED
                    ? "residents.register.created" : "residents.register.linked"));
            if (!r.possibleDuplicates().isEmpty()) {
                redirect.addFlashAttribute("warning", text("residents.register.duplicates"));
            }
            // a record linked to a resident the caller may not read: the answer shows no resident
            return r.resident() == null ? "redirect:/console/residents" : "redirect:/console/residents/" + r.resident().id();
        } catch (MedUnionException e) {
            model.addAttribute("error", message(e));
            model.addAttribute("idNumber", "");
            model.addAttribute("name", name);
            model.addAttribute("searched", false);
            return "residents/index";
        }
    }

    @GetMapping("/{id}")
    String resident(@PathVariable String id, Model model) {
        CurrentUser u = users.require();
        ResidentId rid = Requests.id(id, "id", ResidentId::new);
        ResidentView r = residents.resident(rid).orElseThrow(() -> new NotFoundException("Patient", rid));
        model.addAttribute("resident", r);
        List<ContractView> contracts = residents.contractsOf(rid);
        model.addAttribute("contracts", contracts);
        Map<String, String> names = institutionNames(r, contracts);
        model.addAttribute("institutionNames", names);
        Optional<ContractView> current = contracts.stream().filter(c -> c.status().name().equals("ACTIVE")).reduce((a, b) -> b);
        model.addAttribute("current", current.orElse(null));
        current.flatMap(c -> residents.team(c.teamId())).ifPresent(t -> {
            model.addAttribute("team", t);
            model.addAttribute("practitionerNames", practitionerNames(t));
        });
        InstitutionId own = u.scope().type() == ScopeType.INSTITUTION ? new InstitutionId(u.scope().requiredReferenceId()) : null;
        if (current.isEmpty() && (u.role() == Role.GP || u.isAdmin())) {
            model.addAttribute("teams", own == null ? List.of() : residents.teamsOf(own));
            var all = registry.hospitals();
            model.addAttribute("districtHospitals", hospitals(all, Affiliation.DISTRICT, Affiliation.COUNTY));
            model.addAttribute("municipalHospitals", hospitals(all, Affiliation.MUNICIPAL, Affiliation.MUNICIPAL));
            model.addAttribute("priorityGroups", PriorityGroup.values());
            model.addAttribute("services", ContractService.values());
        }
        return "residents/detail";
    }

    @PostMapping("/{id}/contracts")
    String sign(@PathVariable String id, @RequestParam(required = false) String teamId,
                @RequestParam(required = false) String districtHospitalId, @RequestParam(required = false) String municipalHospitalId,
                @RequestParam(required = false) List<String> priorityGroups, @RequestParam(required = false) List<String> services,
                RedirectAttributes redirect) {
        try {
            residents.signContract(new SignContract(Requests.id(id, "residentId", ResidentId::new),
                    Requests.id(teamId, "teamId", TeamId::new),
                    Requests.id(districtHospitalId, "districtHospitalId", InstitutionId::new),
                    Requests.id(municipalHospitalId, "municipalHospitalId", InstitutionId::new),
                    null, null, priorityGroups, services));
            redirect.addFlashAttribute("notice", text("residents.sign.done"));
        } catch (MedUnionException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/console/residents/" + id;
    }

    /**
     * A resident the caller has no relationship with (404) or a role that reads no identities (403): the console's
     * error page with that status, as the other console pages answer (this controller lives outside the web module's
     * advice).
     */
    @ExceptionHandler(MedUnionException.class)
    String error(MedUnionException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("detail", message(e));
        return "error";
    }

    private static List<InstitutionView> hospitals(List<InstitutionView> all, Affiliation a, Affiliation b) {
        return all.stream().filter(i -> !i.isPrimary() && (i.affiliation() == a || i.affiliation() == b)
                && (i.level() == HospitalLevel.SECONDARY || i.level() == HospitalLevel.TERTIARY))
                .sorted(Comparator.comparing(InstitutionView::name)).toList();
    }

    /** Names of the institutions the page shows: record sources and the contracts' three institutions. */
    private Map<String, String> institutionNames(ResidentView r, List<ContractView> contracts) {
        var shown = new ArrayList<InstitutionId>();
        r.linkedRecords().forEach(l -> shown.add(l.sourceInstitutionId()));
        contracts.forEach(c -> shown.addAll(Arrays.asList(c.primaryInstitutionId(), c.districtHospitalId(),
                c.municipalHospitalId())));
        var names = new HashMap<String, String>();
        registry.institutionNames(shown).forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    private Map<String, String> practitionerNames(TeamView t) {
        var members = new ArrayList<PractitionerId>();
        members.add(t.gpPractitionerId());
        members.add(t.nursePractitionerId());
        members.addAll(t.specialistPractitionerIds());
        var names = new HashMap<String, String>();
        registry.practitionerNames(members).forEach((id, name) -> names.put(id.toString(), name));
        return names;
    }

    private String message(MedUnionException e) {
        Object[] args = new Object[e.arguments().size() + 1];
        args[0] = e.field() == null ? "" : e.field();
        for (int i = 0; i < e.arguments().size(); i++) {
            args[i + 1] = e.arguments().get(i);
        }
        return Objects.requireNonNullElse(messages.getMessage("error." + e.code(), args, e.code(), LocaleContextHolder.getLocale()),
                e.code());
    }

    private String text(String key) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, LocaleContextHolder.getLocale()), key);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
