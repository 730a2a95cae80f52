package org.medunion.web;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medunion.identity.AccountManagement;
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
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cards of a role's workspace (loaded by the home page through htmx): a planner sees the
 * jurisdiction in numbers, an office its consortium, a doctor their institution and its consortia.
 */
@Controller("consoleWorkspaceController")
class WorkspaceController {

    private final RegistryManagement registry;
    private final AccountManagement accounts;
    private final ConsoleSupport support;
    private final Workbench workbench;
    private final ReferralManagement referrals;

    WorkspaceController(RegistryManagement registry, AccountManagement accounts, ConsoleSupport support, Workbench workbench,
                        ReferralManagement referrals) {
        this.registry = registry;
        this.accounts = accounts;
        this.support = support;
        this.workbench = workbench;
        this.referrals = referrals;
    }

    @GetMapping("/console/workspace")
    String workspace(Model model) {
        CurrentUser me = support.me();
        model.addAttribute("role", me.role().name());
        model.addAttribute("todos", workbench.todos(me));
        if (me.role() == Role.PLANNER || me.role() == Role.ADMIN) {
            planner(model);
        }
        if (me.role() == Role.SECURITY_ADMIN) {
            model.addAttribute("accountCount", accounts.accounts().size());
            Map<Role, Long> byRole = new EnumMap<>(Role.class);
            accounts.accounts().forEach(a -> byRole.merge(a.role(), 1L, Long::sum));
            model.addAttribute("accountsByRole", byRole);
        }
        if (me.scope().type() == ScopeType.CONSORTIUM && me.scope().reference() != null) {
            office(model, ConsortiumId.of(me.scope().reference()));
        }
        if (me.scope().type() == ScopeType.INSTITUTION && me.scope().reference() != null) {
            institution(model, InstitutionId.of(me.scope().reference()));
        }
        return "workspace :: cards";
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
        Map<ReferralStatus, Long> byStatus = referrals.statistics(null).byStatus();
        model.addAttribute("referralLabels", byStatus.keySet().stream()
                .map(st -> support.text("referral.status." + st.name())).collect(Collectors.joining("|")));
        model.addAttribute("referralValues", byStatus.values().stream().map(String::valueOf).collect(Collectors.joining(",")));
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
            model.addAttribute("leadName", c.lead().map(l -> support.names(List.of(l)).get(l)).orElse("—"));
        });
    }

    private void institution(Model model, InstitutionId id) {
        registry.institution(id).ifPresent(i -> {
            model.addAttribute("institution", i);
            model.addAttribute("myConsortia", registry.consortiaOf(id));
        });
    }
}
