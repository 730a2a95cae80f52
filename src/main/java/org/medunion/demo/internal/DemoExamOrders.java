package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.ExamSlotChoice;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.medunion.registry.InstitutionId;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.springframework.stereotype.Component;

/**
 * The demo's imaging orders with a booked exam slot (SC-4, SC-6, decision 0236): the gp orders a chest CT and two chest
 * DRs at the 长宁 imaging centre for contracted residents, each taking the first free slot of the lead hospital's 影像科
 * — the reserved share, with 优先检查 — so the order form, the order page and the centre's work list show the exam time
 * on first start. One DR is received by the centre; one is cancelled, its slot back in the pool. Where the lead has no
 * free exam slot left (a demo database loaded days ago), it publishes three days of them first.
 */
@Component
class DemoExamOrders {

    static final String CHEST_DR = "DR-CHEST";
    private static final String GP = "gp";

    private final DiagnosticsBackfill diagnostics;
    private final SchedulingManagement scheduling;
    private final SystemScheduling systemScheduling;

    DemoExamOrders(DiagnosticsBackfill diagnostics, SchedulingManagement scheduling, SystemScheduling systemScheduling) {
        this.diagnostics = diagnostics;
        this.scheduling = scheduling;
        this.systemScheduling = systemScheduling;
    }

    /** Places the orders (residents 24–26 of {@code p}); returns how many. */
    int orders(DemoDiagnostics.Place p) {
        if (p.residents().size() < 27) {
            return 0;
        }
        diagnostics.defineItem(new DefineItem(CHEST_DR, "胸部X线摄影（DR）", ItemKind.IMAGING.name(), null, null,
                new BigDecimal("60.00")), DemoDiagnostics.ADMIN);
        ensureSlots(p);
        Instant now = p.now();
        order(p, 24, DemoDiagnostics.CHEST_CT, now.minus(Duration.ofHours(2)));
        OrderId received = order(p, 25, CHEST_DR, now.minus(Duration.ofHours(26)));
        diagnostics.receive(received, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(20)));
        OrderId cancelled = order(p, 26, CHEST_DR, now.minus(Duration.ofHours(5)));
        diagnostics.cancel(cancelled, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(1)));
        return 3;
    }

    private OrderId order(DemoDiagnostics.Place p, int resident, String item, Instant at) {
        UUID who = p.residents().get(resident);
        return diagnostics.placeOrder(new PlaceOrder(who, item, p.imaging().value(), false, ExamSlotChoice.firstFree(null)),
                p.primary(), GP, at);
    }

    private void ensureSlots(DemoDiagnostics.Place p) {
        var lead = new InstitutionId(p.lead());
        if (scheduling.searchSlots(new SlotSearch(lead, null, null, null, ScheduleKind.EXAM, null, null, true, 3)).size() >= 3) {
            return;
        }
        systemScheduling.publishSchedules(List.of(new PublishSchedule(lead, "影像科", null, null, ScheduleKind.EXAM,
                p.today().plusDays(1), p.today().plusDays(3), null, null, null, null, null, null)), "system");
    }
}
