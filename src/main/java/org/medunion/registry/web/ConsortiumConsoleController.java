package org.medunion.registry.web;

import static org.medunion.shared.web.FormValues.blankToNull;
import static org.medunion.shared.web.FormValues.date;
import static org.medunion.shared.web.FormValues.enumValue;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.registry.AddMember;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DissolveConsortium;
import org.medunion.registry.EndMembership;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.TargetArea;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.ListPage;
import org.medunion.shared.web.ListSort;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Consortia by form, and one consortium's members, agreements, dispatches and change reports, with the
 * office's and planner's changes (add member, end membership, dissolve). A change a blocking rule stops
 * comes back with the rule ID, clause and objects; a planner may resubmit it with an override reason.
 */
@Controller
@ConsolePage
class ConsortiumConsoleController {

    /** The columns the list sorts by ({@code sort=name}, {@code sort=-members}, ...). */
    static final List<String> SORTS = List.of("name", "members", "established");

    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final RegistryConsoleSupport registrySupport;

    ConsortiumConsoleController(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
    }

    @GetMapping("/console/consortia")
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) String form,
                @RequestParam(required = false) String district, @RequestParam(defaultValue = "false") boolean dissolved,
                @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page, Model model) {
        List<ConsortiumView> all = registry.consortia();
        List<ConsortiumView> found = filter(all, text, form, district, dissolved, ListSort.parse(sort, SORTS));
        model.addAttribute("result", ListPage.of(found, page));
        model.addAttribute("total", all.size());
        model.addAttribute("forms", ConsortiumForm.values());
        model.addAttribute("districts", registrySupport.districtsInScope());
        model.addAttribute("text", text == null ? "" : text);
        model.addAttribute("form", form == null ? "" : form);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("dissolved", dissolved);
        model.addAttribute("sort", blankToNull(sort));
        model.addAttribute("names", registrySupport.names(found.stream().flatMap(c -> c.lead().stream()).toList()));
        return "consortia";
    }

    /** The list as shown (same filters), every page, as CSV: names, not codes. */
    @GetMapping("/console/consortia/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String text, @RequestParam(required = false) String form,
                                  @RequestParam(required = false) String district,
                                  @RequestParam(defaultValue = "false") boolean dissolved,
                                  @RequestParam(required = false) String sort) {
        List<ConsortiumView> found = filter(registry.consortia(), text, form, district, dissolved, ListSort.parse(sort, SORTS));
        Map<InstitutionId, String> names = registrySupport.names(found.stream().flatMap(c -> c.lead().stream()).toList());
        List<List<String>> rows = found.stream().map(c -> List.of(c.name(), support.text("enum.ConsortiumForm." + c.form()),
                support.text(c.tight() ? "cons.tight" : "cons.loose"), c.lead().map(names::get).orElse(""),
                String.valueOf(currentMembers(c)),
                registrySupport.districtName(c.districtCode()), String.valueOf(c.establishedOn()),
                c.active() ? "" : support.text("cons.dissolved"))).toList();
        return CsvExport.of("consortia.csv", List.of(support.text("cons.name"), support.text("cons.form"),
                support.text("cons.type"), support.text("cons.lead"), support.text("cons.members"),
                support.text("cons.district"), support.text("cons.established"), support.text("cons.status")), rows);
    }

    private static List<ConsortiumView> filter(List<ConsortiumView> all, String text, String form, String district,
                                               boolean dissolved, ListSort sort) {
        ConsortiumForm f = enumValue(ConsortiumForm.class, "form", form);
        String t = blankToNull(text);
        String d = blankToNull(district);
        return all.stream()
                .filter(c -> dissolved || c.active())
                .filter(c -> f == null || c.form() == f)
                .filter(c -> d == null || d.equals(c.districtCode()))
                .filter(c -> t == null || c.name().contains(t.strip()))
                .sorted(order(sort))
                .toList();
    }

    /**
     * The list's order: a sorted column first (names in pinyin order, as zh-CN users expect), then the default — active
     * before dissolved, by form, by name — so equal keys keep a stable order across pages.
     */
    private static Comparator<ConsortiumView> order(ListSort sort) {
        Comparator<ConsortiumView> byName = Comparator.comparing(ConsortiumView::name, Collator.getInstance(Locale.CHINA));
        Comparator<ConsortiumView> fallback = Comparator.comparing(ConsortiumView::active).reversed()
                .thenComparing(ConsortiumView::form).thenComparing(byName);
        Comparator<ConsortiumView> column = switch (sort.key() == null ? "" : sort.key()) {
            case "name" -> byName;
            case "established" -> Comparator.comparing(ConsortiumView::establishedOn,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "members" -> Comparator.comparingLong(ConsortiumConsoleController::currentMembers);
            default -> null;
        };
        if (column == null) {
            return fallback;
        }
        return (sort.descending() ? column.reversed() : column).thenComparing(fallback);
    }

    private static long currentMembers(ConsortiumView c) {
        return c.members().stream().filter(m -> m.endDate() == null).count();
    }

    @GetMapping("/console/consortia/{id}")
    String detail(@PathVariable String id, Model model) {
        ConsortiumId consortiumId = parse(id);
        fill(model, consortiumId);
        model.addAttribute("add", new MemberForm());
        return "consortium";
    }

    @PostMapping("/console/consortia/{id}/members")
    String addMember(@PathVariable String id, MemberForm form, Model model) {
        ConsortiumId consortiumId = parse(id);
        try {
            InstitutionId institution = form.institutionId == null || form.institutionId.isBlank() ? null
                    : InstitutionConsoleController.parse(form.institutionId);
            if (institution == null) {
                throw new InvalidInputException("institutionId", "field.required");
            }
            registry.addMember(consortiumId, new AddMember(institution,
                    enumValue(MembershipRole.class, "role", form.role), enumValue(MembershipBasis.class, "basis", form.basis),
                    date("startDate", form.startDate), blankToNull(form.leadDiscipline), override(form.overrideReason)));
            return "redirect:/console/consortia/" + consortiumId + "?saved";
        } catch (MedUnionException e) {
            fill(model, consortiumId);
            model.addAttribute("add", form);
            model.addAttribute("addErrors", support.feedback(e));
            return "consortium";
        }
    }

    /** Records an agreement with its sections, the managers' duties (SH-7) and its quantified targets (SH-17). */
    @PostMapping("/console/consortia/{id}/agreements")
    String recordAgreement(@PathVariable String id, AgreementForm form, Model model) {
        ConsortiumId consortiumId = parse(id);
        try {
            registry.recordAgreement(consortiumId, form.command(override(form.getOverrideReason())));
            return "redirect:/console/consortia/" + consortiumId + "?saved#agreements";
        } catch (MedUnionException e) {
            fill(model, consortiumId);
            model.addAttribute("add", new MemberForm());
            form.compactTargets();
            model.addAttribute("agreement", form);
            model.addAttribute("agreementErrors", support.feedback(e));
            return "consortium";
        }
    }

    @PostMapping("/console/consortia/{id}/members/{membershipId}/end")
    String endMembership(@PathVariable String id, @PathVariable UUID membershipId,
                         @RequestParam(required = false) String endDate, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String overrideReason, Model model) {
        ConsortiumId consortiumId = parse(id);
        try {
            registry.endMembership(consortiumId, new EndMembership(membershipId, date("endDate", endDate),
                    blankToNull(reason), override(overrideReason)));
            return "redirect:/console/consortia/" + consortiumId + "?saved";
        } catch (MedUnionException e) {
            fill(model, consortiumId);
            model.addAttribute("add", new MemberForm());
            model.addAttribute("endErrors", support.feedback(e));
            model.addAttribute("endMembershipId", membershipId);
            model.addAttribute("endDate", endDate);
            model.addAttribute("endReason", reason);
            return "consortium";
        }
    }

    @PostMapping("/console/consortia/{id}/dissolve")
    String dissolve(@PathVariable String id, @RequestParam(required = false) String dissolvedOn,
                    @RequestParam(required = false) String reason, @RequestParam(required = false) String overrideReason,
                    Model model) {
        ConsortiumId consortiumId = parse(id);
        try {
            registry.dissolveConsortium(consortiumId, new DissolveConsortium(date("dissolvedOn", dissolvedOn),
                    blankToNull(reason), override(overrideReason)));
            return "redirect:/console/consortia/" + consortiumId + "?saved";
        } catch (MedUnionException e) {
            fill(model, consortiumId);
            model.addAttribute("add", new MemberForm());
            model.addAttribute("dissolveErrors", support.feedback(e));
            model.addAttribute("dissolvedOn", dissolvedOn);
            model.addAttribute("dissolveReason", reason);
            return "consortium";
        }
    }

    /** Only planners may override a blocking rule; from anyone else the field is ignored. */
    private @Nullable String override(@Nullable String reason) {
        return support.me().role() == Role.PLANNER ? blankToNull(reason) : null;
    }

    private void fill(Model model, ConsortiumId id) {
        ConsortiumView c = registry.consortium(id).orElseThrow(() -> new NotFoundException("Consortium", id));
        var agreements = registry.agreements(id);
        var dispatches = registry.dispatches(id);
        List<InstitutionId> ids = new ArrayList<>(c.members().stream().map(MembershipView::institutionId).toList());
        agreements.forEach(a -> ids.addAll(a.parties()));
        dispatches.forEach(d -> {
            ids.add(d.fromInstitutionId());
            ids.add(d.toInstitutionId());
        });
        Map<MembershipRole, List<MembershipView>> byRole = new LinkedHashMap<>();
        for (MembershipRole role : MembershipRole.values()) {
            byRole.put(role, c.members().stream().filter(m -> m.role() == role)
                    .sorted(Comparator.comparing((MembershipView m) -> m.endDate() != null).thenComparing(MembershipView::startDate))
                    .toList());
        }
        model.addAttribute("c", c);
        model.addAttribute("membersByRole", byRole);
        model.addAttribute("agreements", agreements);
        model.addAttribute("dispatches", dispatches);
        model.addAttribute("reports", registry.changeReports(id));
        model.addAttribute("names", registrySupport.names(ids));
        model.addAttribute("people", DispatchConsoleController.people(registry, dispatches));
        boolean canManage = c.active() && registrySupport.canManage(id);
        model.addAttribute("canManage", canManage);
        model.addAttribute("mayOverride", support.me().role() == Role.PLANNER);
        model.addAttribute("roles", MembershipRole.values());
        model.addAttribute("bases", MembershipBasis.values());
        model.addAttribute("agreementTypes", AgreementType.values());
        model.addAttribute("targetAreas", TargetArea.values());
        if (!model.containsAttribute("agreement")) {
            model.addAttribute("agreement", new AgreementForm());
        }
        if (canManage) {
            var memberIds = c.members().stream().filter(m -> m.endDate() == null).map(MembershipView::institutionId).toList();
            model.addAttribute("candidates", registry.searchInstitutions(InstitutionSearch.all()).stream()
                    .filter(i -> !memberIds.contains(i.id()))
                    .sorted(Comparator.comparing(i -> i.name())).toList());
        }
    }

    static ConsortiumId parse(String id) {
        try {
            return ConsortiumId.of(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Consortium", id);
        }
    }

    /** The add-member form as typed. */
    static class MemberForm {

        @Nullable
        String institutionId;
        @Nullable
        String role;
        @Nullable
        String basis;
        @Nullable
        String startDate;
        @Nullable
        String leadDiscipline;
        @Nullable
        String overrideReason;

        public @Nullable String getInstitutionId() {
            return institutionId;
        }
        public void setInstitutionId(String v) {
            institutionId = v;
        }
        public @Nullable String getRole() {
            return role;
        }
        public void setRole(String v) {
            role = v;
        }
        public @Nullable String getBasis() {
            return basis;
        }
        public void setBasis(String v) {
            basis = v;
        }
        public @Nullable String getStartDate() {
            return startDate;
        }
        public void setStartDate(String v) {
            startDate = v;
        }
        public @Nullable String getLeadDiscipline() {
            return leadDiscipline;
        }
        public void setLeadDiscipline(String v) {
            leadDiscipline = v;
        }
        public @Nullable String getOverrideReason() {
            return overrideReason;
        }
        public void setOverrideReason(String v) {
            overrideReason = v;
        }
    }
}
