package org.medunion.policy.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.policy.internal.ComplianceReport;
import org.medunion.policy.internal.PolicyService;
import org.medunion.policy.internal.StoredFinding;
import org.medunion.web.console.ConsoleNames;
import org.medunion.web.console.WorkbenchFigures;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The policy module's card on the planner's (and administrator's) workbench: the open compliance findings of the
 * jurisdiction by district (a bar chart drawn by console.js from data attributes, no inline script) and the latest
 * ones. Each district's count links to the compliance page of that district, each finding to its line there.
 */
@Component
class PolicyWorkbench implements WorkbenchFigures {

    /** How many of the newest findings the card lists. */
    static final int LATEST = 5;

    private final PolicyService service;
    private final ConsoleNames names;

    PolicyWorkbench(PolicyService service, ConsoleNames names) {
        this.service = service;
        this.names = names;
    }

    /** Open findings of one district, by its name. */
    record DistrictFindings(String code, String name, long count) {
    }

    /** A finding as the card lists it: its message, where it is and the district page that shows it. */
    record LatestFinding(String message, String subjectName, String district, String anchor) {
    }

    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.PLANNER && me.role() != Role.ADMIN) {
            return;
        }
        String asked = service.defaultJurisdiction(me);
        ComplianceReport report = service.jurisdictionReport(asked);
        // the report refuses a missing jurisdiction, so there is one here
        String jurisdiction = Objects.requireNonNull(asked, "jurisdiction");
        List<StoredFinding> open = report.rules().stream().flatMap(r -> r.findings().stream())
                .filter(f -> !f.resolved()).toList();
        Map<String, Long> byDistrict = new TreeMap<>(open.stream()
                .collect(Collectors.groupingBy(f -> district(f.divisionCode(), jurisdiction), Collectors.counting())));
        model.addAttribute("findingJurisdiction", jurisdiction);
        model.addAttribute("findingTotal", open.size());
        model.addAttribute("findingDistricts", byDistrict.entrySet().stream()
                .map(e -> new DistrictFindings(e.getKey(), districtName(e.getKey()), e.getValue())).toList());
        model.addAttribute("findingLabels", byDistrict.keySet().stream().map(this::districtName)
                .collect(Collectors.joining("|")));
        model.addAttribute("findingValues", byDistrict.values().stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        model.addAttribute("latestFindings", open.stream()
                .sorted(Comparator.comparing(StoredFinding::firstSeen).reversed()).limit(LATEST)
                .map(f -> new LatestFinding(service.message(f), f.subjectName() == null ? "" : f.subjectName(),
                        district(f.divisionCode(), jurisdiction), anchor(f)))
                .toList());
    }

    private String districtName(String code) {
        return names.district(code).orElse(code);
    }

    /** The id of a finding's line on the compliance page ({@code policy/compliance.html}). */
    static String anchor(StoredFinding f) {
        return f.id() == null ? "" : "finding-" + f.id();
    }

    /**
     * The district (county level, six digits ending in anything but 00) a finding's division lies in; a finding of
     * the city as a whole, or without a division, counts for the jurisdiction itself.
     */
    static String district(@Nullable String divisionCode, String jurisdiction) {
        if (divisionCode == null || divisionCode.length() < 6) {
            return jurisdiction;
        }
        String six = divisionCode.substring(0, 6);
        return six.endsWith("00") ? jurisdiction : six;
    }
}
