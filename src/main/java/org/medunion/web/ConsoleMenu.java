package org.medunion.web;

import static org.medunion.identity.Role.ADMIN;
import static org.medunion.identity.Role.AUDITOR;
import static org.medunion.identity.Role.CENTRE_STAFF;
import static org.medunion.identity.Role.GP;
import static org.medunion.identity.Role.INTEGRATOR;
import static org.medunion.identity.Role.OFFICE;
import static org.medunion.identity.Role.PHARMACIST;
import static org.medunion.identity.Role.PLANNER;
import static org.medunion.identity.Role.SECURITY_ADMIN;
import static org.medunion.identity.Role.SPECIALIST;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;

/**
 * The console's left menu — the one place that says which role sees which page. A new page is one line in
 * {@link #ENTRIES}: menu group, label key, path, roles. Groups appear in the order of their first entry.
 * The entry whose path is the longest prefix of the request path is the active one (breadcrumb, aria-current).
 */
public final class ConsoleMenu {

    /** Every role (for pages everyone may open; each page still scopes its own data). */
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    static final List<Entry> ENTRIES = List.of(
            new Entry("menu.workbench", "nav.home", "/", ALL),
            new Entry("menu.registry", "nav.institutions", "/console/institutions", ALL),
            new Entry("menu.registry", "nav.consortia", "/console/consortia", ALL),
            new Entry("menu.registry", "nav.grids", "/console/grids", ALL),
            new Entry("menu.registry", "nav.dispatches", "/console/dispatches", ALL),
            new Entry("menu.registry", "nav.changeReports", "/console/change-reports", ALL),
            new Entry("menu.policy", "nav.compliance", "/console/compliance", EnumSet.of(PLANNER, ADMIN, OFFICE)),
            new Entry("menu.policy", "nav.indicatorOverview", "/console/indicators/overview", EnumSet.of(PLANNER, OFFICE, ADMIN)),
            new Entry("menu.policy", "nav.indicators", "/console/indicators", EnumSet.of(PLANNER, OFFICE, SPECIALIST, ADMIN)),
            // issue 17: who may submit encounters (an institution's own staff, the integrator) uploads a file as a job
            new Entry("menu.policy", "nav.encounterImports", "/console/indicators/encounter-imports",
                    EnumSet.of(GP, SPECIALIST, PHARMACIST, CENTRE_STAFF, INTEGRATOR)),
            // issue 17's assessment cycle: the commission creates, assesses and freezes; the office assesses itself
            new Entry("menu.policy", "nav.assessments", "/console/assessments", EnumSet.of(PLANNER, OFFICE, ADMIN)),
            new Entry("menu.care", "nav.residents", "/console/residents", EnumSet.of(GP, SPECIALIST, ADMIN)),
            new Entry("menu.care", "nav.referrals", "/console/referrals", EnumSet.of(GP, SPECIALIST, OFFICE, ADMIN, INTEGRATOR)),
            new Entry("menu.care", "nav.referralNew", "/console/referrals/new", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.care", "nav.followUps", "/console/referrals/follow-ups", EnumSet.of(GP, OFFICE, ADMIN)),
            new Entry("menu.care", "nav.criteria", "/console/referrals/criteria", EnumSet.of(OFFICE)),
            // the page needs an institution scope: only roles that work at one
            new Entry("menu.care", "nav.schedules", "/console/schedules", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.care", "nav.consultations", "/console/consultations", EnumSet.of(GP, SPECIALIST, OFFICE, ADMIN)),
            new Entry("menu.care", "nav.consultationNew", "/console/consultations/new", EnumSet.of(GP, SPECIALIST)),
            // issue 14's recurring sessions: the two sides, their office and the planner of the host's jurisdiction
            new Entry("menu.care", "nav.sessionCalendar", "/console/consultations/calendar",
                    EnumSet.of(GP, SPECIALIST, OFFICE, PLANNER, ADMIN)),
            // issue 15: clinicians order (with the recognition offer); the centre's staff work the list, clinicians follow theirs
            new Entry("menu.care", "nav.diagnosticsOrder", "/console/diagnostics/order", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.care", "nav.diagnosticsWorklist", "/console/diagnostics/worklist", EnumSet.of(CENTRE_STAFF, GP, SPECIALIST)),
            new Entry("menu.policy", "nav.diagnosticsCentres", "/console/diagnostics/centres", EnumSet.of(OFFICE, PLANNER, ADMIN)),
            // NAT-R-8: the clinician's explanations still to give; SC-7: the sterilisation centre and members' receipts
            new Entry("menu.care", "nav.diagnosticsExplanations", "/console/diagnostics/explanations", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.care", "nav.sterilisation", "/console/diagnostics/sterilisation",
                    EnumSet.of(CENTRE_STAFF, OFFICE, GP, SPECIALIST, ADMIN)),
            // result import: the performing member's lab and clinical staff send their LIS export (decision 0231)
            new Entry("menu.care", "nav.diagnosticsImport", "/console/diagnostics/import", EnumSet.of(CENTRE_STAFF, GP, SPECIALIST)),
            new Entry("menu.pharmacy", "nav.prescribe", "/console/pharmacy/prescribe", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.pharmacy", "nav.prescriptions", "/console/pharmacy/prescriptions", EnumSet.of(GP, SPECIALIST)),
            new Entry("menu.pharmacy", "nav.reviewQueue", "/console/pharmacy/review", EnumSet.of(PHARMACIST)),
            new Entry("menu.pharmacy", "nav.dispensing", "/console/pharmacy/dispensing", EnumSet.of(PHARMACIST)),
            new Entry("menu.pharmacy", "nav.formularyCoverage", "/console/pharmacy/coverage", EnumSet.of(OFFICE, PHARMACIST, ADMIN)),
            new Entry("menu.system", "nav.accounts", "/console/accounts", EnumSet.of(SECURITY_ADMIN)),
            new Entry("menu.system", "nav.audit", "/console/audit", EnumSet.of(AUDITOR)),
            new Entry("menu.system", "nav.apiKeys", "/console/api-keys", EnumSet.of(INTEGRATOR)),
            new Entry("menu.system", "nav.account", "/console/account/password", ALL));

    private ConsoleMenu() {
    }

    /** The role's menu with the entry for {@code path} marked active. */
    public static View of(Role role, String path) {
        List<Entry> mine = ENTRIES.stream().filter(e -> e.roles().contains(role)).toList();
        Entry active = mine.stream().filter(e -> e.matches(path))
                .max(Comparator.comparingInt(e -> e.path().length())).orElse(null);
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Entry e : mine) {
            groups.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(new Item(e.label(), e.path(), e == active));
        }
        List<Group> list = groups.entrySet().stream().map(g -> new Group(g.getKey(), g.getValue(),
                g.getValue().stream().anyMatch(Item::active))).toList();
        return new View(list, active == null ? null : new Item(active.label(), active.path(), true),
                active == null ? null : active.group());
    }

    /** One menu line. */
    public record Entry(String group, String label, String path, Set<Role> roles) {

        public boolean matches(String requestPath) {
            if ("/".equals(path)) {
                return "/".equals(requestPath);
            }
            return requestPath.equals(path) || requestPath.startsWith(path + "/");
        }
    }

    /** What a template needs: groups with their items, the active item and its group (for the breadcrumb). */
    public record View(List<Group> groups, @Nullable Item active, @Nullable String activeGroup) {
    }

    public record Group(String label, List<Item> items, boolean open) {
    }

    public record Item(String label, String path, boolean active) {
    }
}
