package org.medunion.registry.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.RegistryManagement;
import org.medunion.web.console.ConsoleSupport;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The registry's cards on the home workbench: a planner sees the jurisdiction in numbers, an office its
 * consortium, a doctor their institution and its consortia.
 */
@Component
class RegistryWorkbench implements WorkbenchFigures {

    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final RegistryConsoleSupport registrySupport;

    RegistryWorkbench(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() == Role.PLANNER || me.role() == Role.ADMIN) {
            planner(model);
        }
        if (me.scope().type() == ScopeType.CONSORTIUM && me.scope().reference() != null) {
            office(model, ConsortiumId.of(me.scope().reference()));
        }
        if (me.scope().type() == ScopeType.INSTITUTION && me.scope().reference() != null) {
            institution(model, InstitutionId.of(me.scope().reference()));
        }
    }

    private void planner(Model model) {
        List<ConsortiumView> consortia = registry.consortia();
        long grids = registry.districts().stream().mapToLong(d -> registry.grids(d.code()).size()).sum();
        model.addAttribute("institutionCount", registry.countInstitutions(InstitutionSearch.all()));
        model.addAttribute("consortiumCount", consortia.stream().filter(ConsortiumView::active).count());
        model.addAttribute("gridCount", grids);
        Map<ConsortiumForm, Long> byForm = new LinkedHashMap<>();
        for (ConsortiumForm form : ConsortiumForm.values()) {
            byForm.put(form, consortia.stream().filter(c -> c.active() && c.form() == form).count());
        }
        model.addAttribute("byForm", byForm);
        model.addAttribute("chartLabels", byForm.keySet().stream()
                .map(f -> support.text("enum.ConsortiumForm." + f.name())).collect(Collectors.joining("|")));
        model.addAttribute("chartValues", byForm.values().stream().map(String::valueOf).collect(Collectors.joining(",")));
        model.addAttribute("latestReports", registry.changeReports(null).stream()
                .sorted(Comparator.comparing(r -> r.reportedAt(), Comparator.reverseOrder())).limit(5).toList());
    }

    private void office(Model model, ConsortiumId id) {
        registry.consortium(id).ifPresent(c -> {
            model.addAttribute("consortium", c);
            Map<MembershipRole, Long> byRole = new EnumMap<>(MembershipRole.class);
            c.members().stream().filter(m -> m.endDate() == null)
                    .forEach(m -> byRole.merge(m.role(), 1L, Long::sum));
            model.addAttribute("membersByRole", byRole);
            model.addAttribute("agreementCount", registry.agreements(id).size());
            model.addAttribute("dispatchCount", registry.dispatches(id).size());
            model.addAttribute("leadName", c.lead().map(l -> registrySupport.names(List.of(l)).get(l)).orElse("—"));
        });
    }

    private void institution(Model model, InstitutionId id) {
        registry.institution(id).ifPresent(i -> {
            model.addAttribute("institution", i);
            model.addAttribute("myConsortia", registry.consortiaOf(id));
        });
    }
}
