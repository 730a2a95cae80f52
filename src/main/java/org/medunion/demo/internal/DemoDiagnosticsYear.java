package org.medunion.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.PlaceOrder;
import org.medunion.diagnostics.RecordDecision;
import org.medunion.diagnostics.RecordExplanation;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RejectOrder;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.springframework.stereotype.Component;

/**
 * A year of one group's diagnostics activity (issue 15, decision 0239), month by month back from the clock's month, each
 * step written through {@link DiagnosticsBackfill} at the instant it happened so that the indicators (I-10, I-20, I-21,
 * I-24, I-25) and the office's centre dashboard count it in its own month: recognitions of the performer's results,
 * re-examinations with their reasons (explanations given a quarter of an hour later), and orders to the group's
 * centres in every fate. The last three complete months and the current one are busy, the eight
 * before quiet ({@link Plan}); the last two complete months also leave orders open and overdue, and the last one a
 * critical result nobody acknowledged. Steps that would end after the clock's instant are left out.
 */
@Component
class DemoDiagnosticsYear {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Months back from the current one (0) that get activity. */
    static final int MONTHS = 12;
    private static final int BUSY_MONTHS = 3;
    private static final String[] REASONS = {"01", "02", "03", "04", "05", "06", "07", "08"};
    private static final RejectOrder[] REJECTIONS = {new RejectOrder("SPECIMEN_HAEMOLYSED", null),
            new RejectOrder("SPECIMEN_INSUFFICIENT", null), new RejectOrder("LABEL_OR_IDENTITY_MISMATCH", null),
            new RejectOrder("TRANSPORT_OR_TIME_EXCEEDED", null), new RejectOrder("OTHER", "标本管型号错误")};
    private static final String[] MEDIA = {"VERBAL", "PRINTED", "APP_MESSAGE"};
    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * One group: its primary member ordering as {@code gp}, a hospital of the group ordering as {@code doctor}, the
     * performer running the centres and reporting as {@code staff}; {@code doctor} recognises {@code hospitalPerformer}'s
     * lipid results, {@code gp} the performer's lab results.
     */
    record Site(String name, UUID primary, String gp, UUID hospital, String doctor, UUID performer, UUID hospitalPerformer,
                String staff, CentreId lab, int labHours, @Nullable CentreId imaging, int imagingHours, List<UUID> residents,
                Plan plan) {
    }

    /** A recognition ({@code reason} null: of a result {@code gap} days old) or a re-examination; "*" cycles 01–08. */
    record Decision(int day, boolean byHospital, String item, int gap, @Nullable String reason) {
    }

    enum Fate {
        ON_TIME, LATE, CRITICAL_ACKNOWLEDGED, CRITICAL_UNACKNOWLEDGED, CANCELLED, REJECTED, ORDERED, RECEIVED, IN_PROGRESS
    }

    record Order(int day, int hour, boolean byHospital, String item, boolean imaging, Fate fate) {
    }

    /** What happens in a busy and in a quiet month; {@code open} only in the last two complete months. */
    record Plan(List<Decision> busyDecisions, List<Decision> quietDecisions, List<Order> busyOrders, List<Order> quietOrders,
                List<Order> open, @Nullable Order unacknowledged) {
    }

    /** Counts of what a site's year wrote. */
    static final class Tally {

        int reports;
        int decisions;
        int orders;
    }

    private final DiagnosticsBackfill diagnostics;

    DemoDiagnosticsYear(DiagnosticsBackfill diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The site's twelve months, oldest first (escalations then see the orders open at their time only). */
    Tally seed(Site site, Instant now, Tally tally) {
        YearMonth current = YearMonth.from(now.atZone(SHANGHAI));
        for (int k = MONTHS - 1; k >= 0; k--) {
            YearMonth month = current.minusMonths(k);
            boolean busy = k <= BUSY_MONTHS;
            var when = new Month(month, k, now);
            int n = 0;
            for (Decision d : busy ? site.plan().busyDecisions() : site.plan().quietDecisions()) {
                decide(site, when, d, n++, tally);
            }
            n = 0;
            for (Order o : busy ? site.plan().busyOrders() : site.plan().quietOrders()) {
                order(site, when, o, n++, tally);
            }
            if (k == 1 || k == 2) {
                for (Order o : site.plan().open()) {
                    order(site, when, o, n++, tally);
                }
            }
            if (k == 1 && site.plan().unacknowledged() != null) {
                order(site, when, site.plan().unacknowledged(), n, tally);
            }
        }
        return tally;
    }

    /** A month of the year: {@code back} months before the current one. */
    private record Month(YearMonth month, int back, Instant now) {

        Instant at(int day, int hour, int minute) {
            return month.atDay(Math.min(day, month.lengthOfMonth())).atTime(hour, 0).plusMinutes(minute).atZone(SHANGHAI).toInstant();
        }

        /** Whether a step ending {@code span} after {@code start} is over by the clock's instant. */
        boolean over(Instant start, Duration span) {
            return start.plus(span).isBefore(now.minus(Duration.ofMinutes(30)));
        }

        LocalDate today() {
            return LocalDate.ofInstant(now, SHANGHAI);
        }
    }

    private void decide(Site s, Month m, Decision d, int n, Tally tally) {
        Instant at = m.at(d.day(), 10, 5 * n);
        if (!m.over(at, Duration.ofMinutes(20))) {
            return;
        }
        UUID resident = resident(s, m, n);
        UUID institution = d.byHospital() ? s.hospital() : s.primary();
        String actor = d.byHospital() ? s.doctor() : s.gp();
        LocalDate day = LocalDate.ofInstant(at, SHANGHAI);
        String item = d.item();
        if (d.reason() == null) {
            LocalDate resultDay = day.minusDays(d.gap());
            item = DemoDiagnostics.clash(item, resultDay, m.today()) ? DemoDiagnostics.LIPIDS : item;
            UUID performer = d.byHospital() ? s.hospitalPerformer() : s.performer();
            UUID report = diagnostics.recordReport(new RecordReport(resident, item, null, "FINAL", resultDay, false, null, null,
                    DemoDiagnostics.observations(item, false, d.gap() + n)), performer, s.staff()).value();
            tally.reports++;
            diagnostics.decide(new RecordDecision(resident, item, null, report, null, null, null), institution, actor, at);
        } else {
            String reason = "*".equals(d.reason()) ? REASONS[(m.back() + n) % REASONS.length] : d.reason();
            UUID id = diagnostics.decide(new RecordDecision(resident, item, null, null, reason, text(reason), null), institution,
                    actor, at);
            diagnostics.explain(id, new RecordExplanation(MEDIA[(m.back() + n) % MEDIA.length]), actor, at.plus(Duration.ofMinutes(15)));
        }
        tally.decisions++;
    }

    private static @Nullable String text(String reason) {
        return switch (reason) {
            case "07" -> "临床表现与既往结果不符，医师判断需重新检查";
            case "08" -> "患者要求在本院复查";
            default -> null;
        };
    }

    /** Places the order and takes it through its fate; the due time is the centre's turnaround. */
    private void order(Site s, Month m, Order o, int n, Tally tally) {
        CentreId centre = o.imaging() ? s.imaging() : s.lab();
        if (centre == null) {
            return;
        }
        Instant t = m.at(o.day(), o.hour(), 10 * (n % 6));
        Duration tat = Duration.ofHours(o.imaging() ? s.imagingHours() : s.labHours());
        Duration span = switch (o.fate()) {
            case LATE -> tat.plusHours(8);
            case CRITICAL_UNACKNOWLEDGED -> Duration.ofHours(27);
            case ORDERED, RECEIVED, IN_PROGRESS -> tat.plusHours(1);
            default -> tat;
        };
        if (!m.over(t, span)) {
            return;
        }
        String item = o.item();
        LocalDate reportDay = LocalDate.ofInstant(t.plus(span), SHANGHAI);
        if (DemoDiagnostics.clash(item, reportDay, m.today()) || DemoDiagnostics.clash(item, LocalDate.ofInstant(t, SHANGHAI), m.today())) {
            item = DemoDiagnostics.GLUCOSE;
        }
        UUID resident = resident(s, m, n + 7);
        UUID institution = o.byHospital() ? s.hospital() : s.primary();
        String actor = o.byHospital() ? s.doctor() : s.gp();
        boolean urgent = o.fate() == Fate.CRITICAL_ACKNOWLEDGED || o.fate() == Fate.CRITICAL_UNACKNOWLEDGED;
        OrderId id = diagnostics.placeOrder(new PlaceOrder(resident, item, centre.value(), urgent), institution, actor, t);
        tally.orders++;
        steps(s, id, item, t, tat, o.fate(), actor, m.back() + n, tally);
    }

    private void steps(Site s, OrderId id, String item, Instant t, Duration tat, Fate fate, String orderer, int variant, Tally tally) {
        String staff = s.staff();
        switch (fate) {
            case CANCELLED -> diagnostics.cancel(id, staff, t.plus(Duration.ofHours(2)));
            case ORDERED -> diagnostics.escalate(t.plus(tat).plus(HOUR));
            case REJECTED -> {
                diagnostics.receive(id, staff, t.plus(HOUR));
                diagnostics.reject(id, REJECTIONS[variant % REJECTIONS.length], staff, t.plus(Duration.ofHours(2)));
            }
            default -> {
                diagnostics.receive(id, staff, t.plus(HOUR));
                if (fate == Fate.RECEIVED) {
                    diagnostics.escalate(t.plus(tat).plus(HOUR));
                    return;
                }
                if (fate != Fate.ON_TIME) {
                    diagnostics.start(id, staff, t.plus(Duration.ofHours(2)));
                }
                finish(s, id, item, t, tat, fate, orderer, tally);
            }
        }
    }

    private void finish(Site s, OrderId id, String item, Instant t, Duration tat, Fate fate, String orderer, Tally tally) {
        String staff = s.staff();
        switch (fate) {
            case IN_PROGRESS -> diagnostics.escalate(t.plus(tat).plus(HOUR));
            case LATE -> {
                diagnostics.escalate(t.plus(tat).plus(HOUR));
                report(id, item, t.plus(tat).plus(Duration.ofHours(8)), false, staff, tally);
            }
            case CRITICAL_ACKNOWLEDGED, CRITICAL_UNACKNOWLEDGED -> {
                Instant reported = t.plus(Duration.ofHours(3));
                report(id, item, reported, true, staff, tally);
                if (fate == Fate.CRITICAL_ACKNOWLEDGED) {
                    diagnostics.acknowledgeCritical(id, orderer, reported.plus(Duration.ofMinutes(12)));
                } else {
                    diagnostics.escalate(t.plus(Duration.ofHours(27)));
                }
            }
            default -> report(id, item, t.plus(tat.dividedBy(2)), false, staff, tally);
        }
    }

    private void report(OrderId id, String item, Instant at, boolean critical, String staff, Tally tally) {
        diagnostics.report(id, DemoDiagnosticsOrders.report(item, LocalDate.ofInstant(at, SHANGHAI), critical), staff, at);
        tally.reports++;
    }

    /** The residents take turns: a different one for each step and month. */
    private static UUID resident(Site s, Month m, int n) {
        return s.residents().get((m.back() * 5 + n * 3) % s.residents().size());
    }
}
