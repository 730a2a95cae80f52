package org.medunion.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InstitutionDays;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Decision 0239: the backfill writes decisions, explanations, critical acknowledgements and escalations at the instant
 * they happened — the offer judged on that day, the measures counting them in that day's month — and refuses any
 * logged-in caller.
 */
abstract class DiagnosticsBackfillContract extends RunningCity {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    DiagnosticsBackfill backfill;

    @Autowired
    DiagnosticsMeasures measures;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDecisionFiftyDaysAgoIsJudgedOnItsDayAndCountedThere() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        LocalDate day = w.today.minusDays(50);
        Instant at = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        // 70 days old today (window 60: not offered now), 20 days old on the day of the decision
        UUID hba1c = UUID.fromString(w.report(w.hba1c, w.lead, 70));
        UUID recognised = backfill.decide(new RecordDecision(w.resident, w.hba1c, null, hba1c, null, null, null), w.primary, w.gp, at);
        assertThat(instant("select decided_at from diagnostics_decision where id = ?", recognised)).isEqualTo(at);
        var then = measures.decisions(List.of(new InstitutionDays(w.primary, day, day.plusDays(1))));
        assertThat(then.recognised()).isEqualTo(1);
        assertThat(then.avoidedCost()).isEqualByComparingTo("60.00");
        assertThat(measures.decisions(List.of(new InstitutionDays(w.primary, w.today.minusDays(49), w.today.plusDays(1)))).recognised())
                .isZero();

        // a potassium 2 days old on that day passed over for reason 01: the explanation is owed from the decision's instant
        w.report(w.potassium, w.lead, 52);
        Instant later = at.plus(Duration.ofHours(1));
        UUID reexamined = backfill.decide(new RecordDecision(w.resident, w.potassium, null, null, "01", null, null), w.primary, w.gp,
                later);
        assertThat(instant("select prepared_at from diagnostics_explanation where decision_id = ?", reexamined)).isEqualTo(later);
        Instant told = later.plus(Duration.ofMinutes(15));
        assertThat(backfill.explain(reexamined, new RecordExplanation("VERBAL"), w.gp, told)).isTrue();
        assertThat(instant("select given_at from diagnostics_explanation where decision_id = ?", reexamined)).isEqualTo(told);
        assertThat(backfill.explain(recognised, new RecordExplanation("VERBAL"), w.gp, told)).as("a recognition owes none").isFalse();
    }

    @Test
    void anOrderLateAndCriticalFiftyDaysAgoIsEscalatedAcknowledgedAndCountedThen() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        LocalDate day = w.today.minusDays(50);
        Instant t = day.atTime(9, 0).atZone(SHANGHAI).toInstant();
        var id = backfill.placeOrder(new PlaceOrder(w.resident, w.potassium, UUID.fromString(w.centre), true), w.primary, w.gp, t);
        backfill.receive(id, w.centreStaff, t.plus(Duration.ofHours(1)));
        // the centre's turnaround is 12 hours: the deadline job an hour after the due time escalates it
        // the run's counts are the whole database's (other tests' orders too): this order's own flag is what counts here
        backfill.escalate(t.plus(Duration.ofHours(11)));
        assertThat(flag("escalated", id)).isFalse();
        assertThat(backfill.escalate(t.plus(Duration.ofHours(13))).overdueOrders()).isPositive();
        assertThat(flag("escalated", id)).isTrue();
        Instant reported = t.plus(Duration.ofHours(20));
        backfill.report(id, new RecordReport(null, null, null, "FINAL", day, true, "危急值：血钾 6.8 mmol/L", null, List.of()),
                w.centreStaff, reported);
        Instant acknowledged = reported.plus(Duration.ofMinutes(10));
        assertThat(backfill.acknowledgeCritical(id, w.gp, acknowledged)).isEqualTo(OrderStatus.REPORTED);
        assertThat(instant("select critical_acknowledged_at from diagnostics_order where id = ?", id.value())).isEqualTo(acknowledged);
        backfill.escalate(reported.plus(Duration.ofDays(1)));
        assertThat(flag("critical_escalated", id)).as("acknowledged in time").isFalse();
        // reported the next morning (20 hours after ordering): counted on that day, late
        assertThat(measures.centreWork(List.of(new InstitutionDays(w.lead, day, day.plusDays(1)))).reported()).isZero();
        var work = measures.centreWork(List.of(new InstitutionDays(w.lead, day, day.plusDays(2))));
        assertThat(work.reported()).isEqualTo(1);
        assertThat(work.reportedOnTime()).isZero();
        assertThat(work.orderedBy()).containsEntry(w.primary, 1L);
    }

    @Test
    void aLoggedInCallerCannotBackdate_andNothingIsWritten() {
        var w = new DiagnosticsFixture(port, registry, residents, accounts);
        UUID report = UUID.fromString(w.report(w.hba1c, w.lead, 10));
        var id = new OrderId(UUID.randomUUID());
        long before = count();
        for (var role : List.of(Role.ADMIN, Role.GP)) {
            var caller = new CurrentUser("caller", "Caller", role, role == Role.ADMIN ? Scope.global() : Scope.institution(w.primary));
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
            Instant at = Instant.now().minus(Duration.ofDays(3));
            var decision = new RecordDecision(w.resident, w.hba1c, null, report, null, null, null);
            assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.decide(decision, w.primary, w.gp, at)))
                    .as(role + " decide").isNotNull();
            assertThat(catchThrowableOfType(ForbiddenException.class,
                    () -> backfill.explain(UUID.randomUUID(), new RecordExplanation("VERBAL"), w.gp, at))).as(role + " explain")
                    .isNotNull();
            assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.acknowledgeCritical(id, w.gp, at)))
                    .as(role + " acknowledge").isNotNull();
            assertThat(catchThrowableOfType(ForbiddenException.class, () -> backfill.escalate(at))).as(role + " escalate").isNotNull();
            SecurityContextHolder.clearContext();
        }
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select (select count(*) from diagnostics_decision) + (select count(*) from diagnostics_explanation)")
                .query(Long.class).single();
    }

    private Instant instant(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Timestamp.class).single().toInstant();
    }

    private boolean flag(String column, OrderId id) {
        return jdbc.sql("select " + column + " from diagnostics_order where id = ?").param(id.value()).query(Boolean.class).single();
    }
}
