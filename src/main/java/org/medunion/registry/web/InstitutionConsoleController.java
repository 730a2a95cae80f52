package org.medunion.registry.web;

import static org.medunion.shared.web.FormValues.blankToNull;
import static org.medunion.shared.web.FormValues.enumValue;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionOrder;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.FormFeedback;
import org.medunion.shared.web.ListSort;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Institutions: a searchable, paged list (htmx), a detail page and — for planners — the register form. */
@Controller
@ConsolePage
class InstitutionConsoleController {

    static final int PAGE_SIZE = 20;

    /** The columns the list sorts by, one per {@link InstitutionOrder}. */
    static final List<String> SORTS = List.of("name", "level", "district");

    /** Institutions an export holds at most (a city has a few thousand). */
    static final int EXPORT_LIMIT = 10_000;

    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final RegistryConsoleSupport registrySupport;

    InstitutionConsoleController(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", InstitutionCategory.values());
        model.addAttribute("levels", HospitalLevel.values());
        model.addAttribute("grades", HospitalGrade.values());
        model.addAttribute("ownerships", Ownership.values());
        model.addAttribute("affiliations", Affiliation.values());
    }

    @GetMapping("/console/institutions")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) String category,
                @RequestParam(required = false) String level, @RequestParam(required = false) String district,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        int p = Math.max(0, page);
        var filter = search(text, category, level, district, sort, p * PAGE_SIZE, PAGE_SIZE);
        long total = registry.countInstitutions(filter);
        model.addAttribute("institutions", registry.searchInstitutions(filter));
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("text", blankToNull(text));
        model.addAttribute("category", blankToNull(category));
        model.addAttribute("level", blankToNull(level));
        model.addAttribute("district", blankToNull(district));
        model.addAttribute("sort", blankToNull(sort));
        model.addAttribute("districts", registrySupport.districtsInScope());
        model.addAttribute("canRegister", support.isPlanner());
        return htmx != null ? "institutions :: results" : "institutions";
    }

    /** The list as shown (same filters), every page, as CSV: names and words, the district by its name. */
    @GetMapping("/console/institutions/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String text, @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String level, @RequestParam(required = false) String district,
                                  @RequestParam(required = false) String sort) {
        var filter = search(text, category, level, district, sort, 0, EXPORT_LIMIT);
        List<List<String>> rows = registry.searchInstitutions(filter).stream().map(i -> List.of(i.name(),
                support.text("enum.InstitutionCategory." + i.category()), level(i),
                i.affiliation() == null ? "" : support.text("enum.Affiliation." + i.affiliation()),
                registrySupport.districtName(i.districtCode()), i.creditCode() == null ? "" : i.creditCode())).toList();
        return CsvExport.of("institutions.csv", List.of(support.text("inst.name"), support.text("inst.category"),
                support.text("inst.level"), support.text("inst.affiliation"), support.text("inst.district"),
                support.text("inst.creditCode")), rows);
    }

    /** The list's filters and order as a registry search; an unknown value is a 400 naming the parameter. */
    private static InstitutionSearch search(String text, String category, String level, String district, String sort,
                                            int offset, int limit) {
        ListSort order = ListSort.parse(sort, SORTS);
        return new InstitutionSearch(blankToNull(text), enumValue(InstitutionCategory.class, "category", category),
                enumValue(HospitalLevel.class, "level", level), null, blankToNull(district), null, null, offset, limit,
                order.key() == null ? null : InstitutionOrder.valueOf(order.key().toUpperCase(Locale.ROOT)), order.descending());
    }

    /** Level and grade in words, as the list shows them (三级甲等). */
    private String level(InstitutionView i) {
        String grade = i.grade() == null || i.grade() == HospitalGrade.UNGRADED ? "" : support.text("enum.HospitalGrade." + i.grade());
        return support.text("enum.HospitalLevel." + i.level()) + grade;
    }

    @GetMapping("/console/institutions/{id}")
    String detail(@PathVariable String id, Model model) {
        InstitutionId institutionId = parse(id);
        InstitutionView institution = registry.institution(institutionId)
                .orElseThrow(() -> new NotFoundException("Institution", id));
        List<ConsortiumView> consortia = registry.consortiaOf(institutionId);
        model.addAttribute("i", institution);
        model.addAttribute("practitioners", registry.practitioners(institutionId));
        model.addAttribute("consortia", consortia);
        model.addAttribute("districtName", registry.district(institution.districtCode()).map(d -> d.name()).orElse(""));
        return "institution";
    }

    @GetMapping("/console/institutions/new")
    String form(Model model) {
        support.requireRole(Role.PLANNER, Role.ADMIN);
        model.addAttribute("form", new InstitutionForm());
        model.addAttribute("errors", new FormFeedback());
        model.addAttribute("districts", registrySupport.districtsInScope());
        return "institution-form";
    }

    @PostMapping("/console/institutions")
    String register(@ModelAttribute("form") InstitutionForm form, Model model) {
        support.requireRole(Role.PLANNER, Role.ADMIN);
        try {
            InstitutionView created = registry.registerInstitution(form.toCommand());
            return "redirect:/console/institutions/" + created.id() + "?created";
        } catch (MedUnionException e) {
            model.addAttribute("errors", support.feedback(e));
            model.addAttribute("districts", registrySupport.districtsInScope());
            return "institution-form";
        }
    }

    static InstitutionId parse(String id) {
        try {
            return InstitutionId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Institution", id);
        }
    }

    /** The register form's values as typed; converted (and checked) only when submitted. */
    static class InstitutionForm {

        private @Nullable String name;
        private @Nullable String creditCode;
        private @Nullable String category;
        private @Nullable String level;
        private @Nullable String grade;
        private @Nullable String ownership;
        private @Nullable String ownerBody;
        private @Nullable String affiliation;
        private boolean tcm;
        private @Nullable String districtCode;
        private boolean regionalMedicalCentre;
        private @Nullable String address;

        RegisterInstitution toCommand() {
            return new RegisterInstitution(blankToNull(name), blankToNull(creditCode),
                    enumValue(InstitutionCategory.class, "category", category), enumValue(HospitalLevel.class, "level", level),
                    enumValue(HospitalGrade.class, "grade", grade), enumValue(Ownership.class, "ownership", ownership),
                    blankToNull(ownerBody), enumValue(Affiliation.class, "affiliation", affiliation), tcm,
                    blankToNull(districtCode), null, null, regionalMedicalCentre, blankToNull(address), List.of(), List.of());
        }

        public @Nullable String getName() {
            return name;
        }
        public void setName(String v) {
            name = v;
        }
        public @Nullable String getCreditCode() {
            return creditCode;
        }
        public void setCreditCode(String v) {
            creditCode = v;
        }
        public @Nullable String getCategory() {
            return category;
        }
        public void setCategory(String v) {
            category = v;
        }
        public @Nullable String getLevel() {
            return level;
        }
        public void setLevel(String v) {
            level = v;
        }
        public @Nullable String getGrade() {
            return grade;
        }
        public void setGrade(String v) {
            grade = v;
        }
        public @Nullable String getOwnership() {
            return ownership;
        }
        public void setOwnership(String v) {
            ownership = v;
        }
        public @Nullable String getOwnerBody() {
            return ownerBody;
        }
        public void setOwnerBody(String v) {
            ownerBody = v;
        }
        public @Nullable String getAffiliation() {
            return affiliation;
        }
        public void setAffiliation(String v) {
            affiliation = v;
        }
        public boolean isTcm() {
            return tcm;
        }
        public void setTcm(boolean v) {
            tcm = v;
        }
        public @Nullable String getDistrictCode() {
            return districtCode;
        }
        public void setDistrictCode(String v) {
            districtCode = v;
        }
        public boolean isRegionalMedicalCentre() {
            return regionalMedicalCentre;
        }
        public void setRegionalMedicalCentre(boolean v) {
            regionalMedicalCentre = v;
        }
        public @Nullable String getAddress() {
            return address;
        }
        public void setAddress(String v) {
            address = v;
        }
    }
}
