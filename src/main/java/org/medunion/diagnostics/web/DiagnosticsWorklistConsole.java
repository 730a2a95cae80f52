package org.medunion.diagnostics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ExplanationView;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.OrderView;
import org.medunion.diagnostics.QualityRejection;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportStatus;
import org.medunion.diagnostics.ReportView;
import org.medunion.identity.Role;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
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
 * The centre's work list (/console/diagnostics/worklist, issue 15): orders received, in progress, overdue (SC-2) and
 * with a critical result nobody acknowledged yet (SC-5), each with the resident's name (ID masked); the order page
 * with report entry for the centre's staff and the acknowledgement for the ordering clinician. Ordering clinicians
 * see the same list of the orders they sent.
 */
@Controller
@ConsolePage
class DiagnosticsWorklistConsole {

    static final int OBSERVATION_ROWS = 4;
    private static final Set<Role> WORKERS = Set.of(Role.CENTRE_STAFF, Role.SPECIALIST, Role.GP);

    private final DiagnosticsManagement diagnostics;
    private final ResidentsManagement residents;
    private final ConsoleSupport support;
    private final Clock clock;

    /** Orders a section of the work list shows at most (earliest due first). */
    static final int WORKLIST = 200;

    DiagnosticsWorklistConsole(DiagnosticsManagement diagnostics, ResidentsManagement residents, ConsoleSupport support,
                               Clock clock) {
        this.diagnostics = diagnostics;
        this.residents = residents;
        this.support = support;
        this.clock = clock;
    }

    @GetMapping("/console/diagnostics/worklist")
    String worklist(Model model) {
        requireWorker();
        // in SQL: the open ones and the unacknowledged critical results, however many orders were reported before
        List<OrderView> open = diagnostics.openOrders(WORKLIST);
        List<OrderView> critical = diagnostics.unacknowledgedCritical(WORKLIST);
        Map<String, List<OrderView>> sections = new LinkedHashMap<>();
        sections.put("critical", critical);
        sections.put("due", open.stream().filter(OrderView::overdue).toList());
        sections.put("received", open.stream().filter(o -> !o.overdue() && o.status() != OrderStatus.IN_PROGRESS).toList());
        sections.put("inProgress", open.stream().filter(o -> !o.overdue() && o.status() == OrderStatus.IN_PROGRESS).toList());
        // SC-3: orders the centre sent back for quality, for the ordering clinicians to collect again and re-order
        List<OrderView> rejected = rejectedForOrderer();
        sections.put("rejected", rejected);
        model.addAttribute("sections", sections);
        List<OrderView> all = new ArrayList<>(open);
        all.addAll(critical);
        all.addAll(rejected);
        model.addAttribute("names", names(all));
        model.addAttribute("runs", runs());
        return "diagnostics/worklist";
    }

    /** The caller's institution's rejected orders when the caller orders (GP, specialist), latest rejection first. */
    private List<OrderView> rejectedForOrderer() {
        var me = support.me();
        if (me.role() != Role.GP && me.role() != Role.SPECIALIST || me.scope().referenceId() == null) {
            return List.of();
        }
        UUID mine = me.scope().referenceId();
        return diagnostics.orders(OrderStatus.REJECTED, WORKLIST).stream()
                .filter(o -> o.orderingInstitutionId().equals(mine) && o.rejection() != null)
                .sorted(Comparator.comparing((OrderView o) -> Objects.requireNonNull(o.rejection()).rejectedAt())
                        .reversed())
                .toList();
    }

    @GetMapping("/console/diagnostics/orders/{id}")
    String order(@PathVariable UUID id, @RequestParam(required = false) @Nullable UUID explanation, Model model) {
        // NAT-R-8: right after a re-examination that passed over an offered result, the explanation for the patient
        model.addAttribute("explanation", explanation == null ? null : explanation(explanation));
        return order(id, model);
    }

    private @Nullable ExplanationView explanation(UUID decision) {
        try {
            return diagnostics.explanation(decision);
        } catch (MedUnionException e) {
            return null;
        }
    }

    String order(UUID id, Model model) {
        requireWorker();
        var order = diagnostics.order(new OrderId(id));
        model.addAttribute("o", order);
        model.addAttribute("names", names(List.of(order)));
        model.addAttribute("runs", runs().contains(order.centreId().value()));
        UUID mine = support.me().scope().referenceId();
        model.addAttribute("orderer", order.orderingInstitutionId().equals(mine)
                && (support.me().role() == Role.GP || support.me().role() == Role.SPECIALIST));
        model.addAttribute("report", order.reportId() == null ? null : report(order.reportId()));
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("rows", OBSERVATION_ROWS);
        model.addAttribute("rejections", QualityRejection.values());
        if (!model.containsAttribute("v")) {
            model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>())
                    .with("resultDate", LocalDate.now(clock).toString()).with("status", ReportStatus.FINAL.name()));
        }
        return "diagnostics/detail";
    }

    @PostMapping("/console/diagnostics/orders/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
               Model model, HttpServletResponse response) {
        requireWorker();
        var oid = new OrderId(id);
        var v = new LinkedFormValues(params);
        try {
            switch (action) {
                case "receive" -> diagnostics.receive(oid);
                case "start" -> diagnostics.start(oid);
                case "report" -> diagnostics.report(oid, report(v, diagnostics.order(oid).itemCode()));
                case "cancel" -> diagnostics.cancel(oid);
                case "reject" -> diagnostics.reject(oid, new RejectOrder(FormValues.blankToNull(v.get("reason")),
                        FormValues.blankToNull(v.get("reasonText"))));
                case "acknowledge" -> diagnostics.acknowledgeCritical(oid);
                default -> {
                    return "redirect:/console/diagnostics/orders/" + id;
                }
            }
            return "redirect:/console/diagnostics/orders/" + id + "?done=" + action;
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            model.addAttribute("v", v);
            return order(id, model);
        }
    }

    /** The report form; an observation without a code of its own takes the item's. */
    private static RecordReport report(LinkedFormValues v, String itemCode) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < OBSERVATION_ROWS; i++) {
            String name = FormValues.blankToNull(v.at("obsName", i));
            String value = FormValues.blankToNull(v.at("obsValue", i));
            if (name != null || value != null) {
                String code = FormValues.blankToNull(v.at("obsCode", i));
                observations.add(new Observation(code == null ? itemCode : code, name, value,
                        FormValues.blankToNull(v.at("obsUnit", i)), FormValues.blankToNull(v.at("obsRange", i))));
            }
        }
        return new RecordReport(null, null, null, FormValues.blankToNull(v.get("status")),
                FormValues.date("resultDate", v.get("resultDate")), "on".equals(v.get("critical")),
                v.get("conclusion"), FormValues.blankToNull(v.get("studyUrl")), observations);
    }

    private @Nullable ReportView report(UUID reportId) {
        try {
            return diagnostics.report(new ReportId(reportId));
        } catch (MedUnionException e) {
            return null; // the report's resident outside the caller's care relationships: the order only
        }
    }

    /** The centres the caller's institution runs, if the caller works at a centre. */
    private Set<UUID> runs() {
        var me = support.me();
        UUID mine = me.scope().referenceId();
        if (mine == null || me.role() == Role.GP) {
            return Set.of();
        }
        return Set.copyOf(diagnostics.centres(null).stream().filter(c -> c.institutionId().equals(mine))
                .map(c -> c.id().value()).toList());
    }

    /** Residents' names with their ID numbers masked, for the orders the caller may see; "—" when not readable. */
    private Map<UUID, String> names(List<OrderView> orders) {
        Map<UUID, String> out = new HashMap<>();
        for (OrderView o : orders) {
            out.computeIfAbsent(o.residentId(), r -> residents.resident(new ResidentId(r)).map(DiagnosticsWorklistConsole::label)
                    .orElse("—"));
        }
        return out;
    }

    private static String label(ResidentView r) {
        return r.name() + " " + r.residentIdNumberMasked();
    }

    private void requireWorker() {
        support.requireRole(WORKERS.toArray(Role[]::new));
    }
}
