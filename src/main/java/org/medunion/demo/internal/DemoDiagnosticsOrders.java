package org.medunion.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.springframework.stereotype.Component;

/**
 * The demo's showcase decisions and today's orders (see {@link DemoDiagnostics}; the year before is
 * {@link DemoDiagnosticsYear}'s): the gp recognises earlier results on the days they were offered and re-examines with
 * every reason code (01–08, free text for 07 and 08, and 98, 99), each decided on its day; the gp's orders to the 长宁
 * lab and imaging centres stand in every state — ordered, received, in progress, overdue,
 * reported, reported with an unacknowledged critical result, cancelled, rejected for quality — worked by the demo account "centre".
 */
@Component
class DemoDiagnosticsOrders {

    private static final String GP = "gp";

    private final DiagnosticsBackfill diagnostics;

    DemoDiagnosticsOrders(DiagnosticsBackfill diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Recognitions of offered results and re-examinations with each reason; returns how many decisions. */
    int decisions(DemoDiagnostics.Place p) {
        int n = 0;
        // results seeded by DemoDiagnostics#results: lipids of the lead (i not a multiple of 6), 5 + i * 23 % 300 days ago
        for (int i : new int[] {1, 2, 3, 5}) {
            LocalDate result = p.today().minusDays(5 + i * 23 % 300);
            decide(p, i, DemoDiagnostics.LIPIDS, result.plusDays(3), null, null);
            n++;
        }
        // HbA1c of the lead for even i, 3 + i * 17 % 330 days ago: recognised 10 days later (window 60 days)
        for (int i : new int[] {2, 4}) {
            LocalDate result = p.today().minusDays(3 + i * 17 % 330);
            decide(p, i, DemoDiagnostics.HBA1C, result.plusDays(10), null, null);
            n++;
        }
        String[][] reasons = {
                {"01", null}, {"02", null}, {"03", null}, {"04", null}, {"05", null}, {"06", null},
                {"07", "影像序列不全，医师判断需重新检查"}, {"08", "患者要求在本院复查"}, {"98", null}, {"99", null}};
        String[] items = {DemoDiagnostics.ELECTROLYTES, DemoDiagnostics.GLUCOSE, DemoDiagnostics.HBA1C, DemoDiagnostics.LIPIDS,
                DemoDiagnostics.CHEST_CT};
        for (int k = 0; k < reasons.length; k++) {
            int resident = 6 + k;
            decide(p, resident, items[k % items.length], p.today().minusDays(3L + 17L * k), reasons[k][0], reasons[k][1]);
            n++;
        }
        // this morning, so that the office's board (this month by default) has decisions on a month's first day too:
        // resident 9's electrolyte panel of the lead, 1 + 9 * 7 % 60 = 4 days old (window 7), recognised; a glucose re-examined
        decide(p, 9, DemoDiagnostics.ELECTROLYTES, p.today(), null, null, p.now().minus(Duration.ofMinutes(25)));
        decide(p, 17, DemoDiagnostics.GLUCOSE, p.today(), "02", null, p.now().minus(Duration.ofMinutes(10)));
        return n + 2;
    }

    /** Decided at a quarter past eleven on the day (decision 0239: in the month it happened), the explanation left to do. */
    private void decide(DemoDiagnostics.Place p, int resident, String item, LocalDate asOf, @Nullable String reason,
                        @Nullable String text) {
        Instant at = asOf.atTime(11, 15).atZone(DemoDiagnosticsYear.SHANGHAI).toInstant();
        decide(p, resident, item, asOf, reason, text, at.isBefore(p.now()) ? at : p.now());
    }

    private void decide(DemoDiagnostics.Place p, int resident, String item, LocalDate asOf, @Nullable String reason,
                        @Nullable String text, Instant at) {
        UUID report = reason == null ? offered(p, resident, item, asOf) : null;
        diagnostics.decide(new RecordDecision(p.residents().get(resident), item, null, report, reason, text, asOf), p.primary(), GP, at);
    }

    /** The report a recognition names: the one {@link DemoDiagnostics} seeded for the resident and item before the day. */
    private static UUID offered(DemoDiagnostics.Place p, int resident, String item, LocalDate asOf) {
        return p.reports().entrySet().stream()
                .filter(e -> e.getKey().resident() == resident && e.getKey().item().equals(item) && !e.getKey().day().isAfter(asOf))
                .max(Map.Entry.comparingByKey(Comparator.comparing(DemoDiagnostics.Seeded::day)))
                .orElseThrow(() -> new IllegalStateException("no " + item + " report of resident " + resident)).getValue();
    }

    /** One order per state, from the gp's centre, going back from {@code p.now()}; returns how many. */
    int orders(DemoDiagnostics.Place p) {
        Instant now = p.now();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        // ordered 40 minutes ago; received; in progress
        order(p, 16, DemoDiagnostics.HBA1C, p.lab(), now.minus(Duration.ofMinutes(40)), false);
        var received = order(p, 17, DemoDiagnostics.GLUCOSE, p.lab(), now.minus(Duration.ofHours(3)), false);
        diagnostics.receive(received, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(2)));
        var started = order(p, 18, DemoDiagnostics.LIPIDS, p.lab(), now.minus(Duration.ofHours(6)), false);
        diagnostics.receive(started, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(5)));
        diagnostics.start(started, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(4)));
        // overdue: ordered 30 hours ago, the lab centre's target is 12 hours
        order(p, 19, DemoDiagnostics.ELECTROLYTES, p.lab(), now.minus(Duration.ofHours(30)), true);
        // reported
        Instant reportedAt = now.minus(Duration.ofDays(2));
        var reported = order(p, 20, DemoDiagnostics.HBA1C, p.lab(), now.minus(Duration.ofDays(3)), false);
        diagnostics.receive(reported, DemoDiagnostics.CENTRE, now.minus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        diagnostics.report(reported, report(DemoDiagnostics.HBA1C, reportedAt.atZone(zone).toLocalDate(), false),
                DemoDiagnostics.CENTRE, reportedAt);
        // reported an hour ago with a critical potassium nobody has acknowledged (SC-5)
        Instant criticalAt = now.minus(Duration.ofHours(1));
        var critical = order(p, 21, DemoDiagnostics.ELECTROLYTES, p.lab(), now.minus(Duration.ofHours(5)), true);
        diagnostics.receive(critical, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(4)));
        diagnostics.start(critical, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(3)));
        diagnostics.report(critical, report(DemoDiagnostics.ELECTROLYTES, criticalAt.atZone(zone).toLocalDate(), true),
                DemoDiagnostics.CENTRE, criticalAt);
        // cancelled; a chest CT received at the imaging centre
        var cancelled = order(p, 22, DemoDiagnostics.GLUCOSE, p.lab(), now.minus(Duration.ofDays(2)), false);
        diagnostics.cancel(cancelled, DemoDiagnostics.CENTRE, now.minus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        // the CT re-examined at order entry (98: the outside images never arrived): its decision names the order
        UUID resident = p.residents().get(23);
        var ct = diagnostics.reexamineAndOrder(new RecordDecision(resident, DemoDiagnostics.CHEST_CT, null, null, "98", null, null),
                new PlaceOrder(resident, DemoDiagnostics.CHEST_CT, p.imaging().value(), false), p.primary(), GP,
                now.minus(Duration.ofHours(8)));
        diagnostics.receive(ct, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(7)));
        // sent back by the lab for a haemolysed specimen (SC-3): the gp's work list shows it with a re-order link
        var rejected = order(p, 20, DemoDiagnostics.GLUCOSE, p.lab(), now.minus(Duration.ofHours(9)), false);
        diagnostics.receive(rejected, DemoDiagnostics.CENTRE, now.minus(Duration.ofHours(8)));
        diagnostics.reject(rejected, new RejectOrder("SPECIMEN_HAEMOLYSED", null), DemoDiagnostics.CENTRE,
                now.minus(Duration.ofHours(7)));
        return 9;
    }

    private OrderId order(DemoDiagnostics.Place p, int resident, String item, CentreId centre, Instant at, boolean urgent) {
        return diagnostics.placeOrder(new PlaceOrder(p.residents().get(resident), item, centre.value(), urgent), p.primary(), GP, at);
    }

    /** An order's report of the item on the day; a critical one is a potassium (electrolytes) or a glucose value. */
    static RecordReport report(String item, LocalDate day, boolean critical) {
        String conclusion = !critical ? "未见异常"
                : DemoDiagnostics.GLUCOSE.equals(item) ? "危急值：空腹血糖 2.1 mmol/L，请立即处理" : "危急值：血钾 6.8 mmol/L，请立即处理";
        return new RecordReport(null, null, null, "FINAL", day, critical, conclusion, null,
                DemoDiagnostics.observations(item, critical, day.getDayOfMonth()));
    }
}
