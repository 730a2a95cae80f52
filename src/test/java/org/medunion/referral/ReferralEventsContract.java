package org.medunion.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.medunion.referral.backfill.ReferralBackfill;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The aggregate's events as other modules receive them (Modulith scenarios), driven through the system's
 * commands ({@link ReferralBackfill}, what the demo city uses): as the given actor, at the given instants,
 * through the same transition table.
 */
@EnableScenarios
abstract class ReferralEventsContract extends ReferralWorldTest {

    @Autowired
    ReferralBackfill backfill;

    private static Instant tenDaysAgo() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));
    }

    private static CreateReferral upward(ReferralFixture w) {
        return new CreateReferral(ReferralDirection.UP, w.primary, null, w.hospital, "心内科", false, w.resident,
                ReferralFixture.idNumber(), "张三", w.consortium, null, "需专科评估", "I10", "原发性高血压", Urgency.URGENT,
                null, List.of(), "演示数据：无匹配标准", null, List.of(), null, List.of(), List.of(), false);
    }

    private static AcceptReferral slotAt(ReferralFixture w) {
        return new AcceptReferral(BookingKind.SLOT, null, w.hospitalSchedule, null, null);
    }

    @Test
    void eachStepPublishesItsEventForTheReferral(Scenario scenario) {
        var w = newWorld();
        Instant t = tenDaysAgo();
        var id = backfill.create(upward(w), "demo", t).id();
        scenario.stimulate(() -> backfill.submit(id, "demo", t.plusSeconds(60)))
                .andWaitForEventOfType(ReferralSubmitted.class).matching(e -> e.referralId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.acceptanceDeadline()).isAfter(t.plusSeconds(60)));
        scenario.stimulate(() -> backfill.accept(id, slotAt(w), "demo", t.plusSeconds(600)))
                .andWaitForEventOfType(ReferralAccepted.class).matching(e -> e.referralId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.bookingKind()).isEqualTo(BookingKind.SLOT));
        backfill.arrive(id, "demo", t.plusSeconds(3600));
        scenario.stimulate(() -> backfill.complete(id, new CompleteReferral("演示：诊疗结束"), "demo", t.plusSeconds(7200)))
                .andWaitForEventOfType(ReferralCompleted.class).matching(e -> e.referralId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.occurredAt()).isEqualTo(t.plusSeconds(7200)));
    }

    @Test
    void aRedirectPublishesRedirectedAndSubmittedAtTheNewInstitution(Scenario scenario) {
        var w = newWorld();
        Instant t = tenDaysAgo();
        var id = backfill.create(upward(w), "demo", t).id();
        backfill.submit(id, "demo", t.plusSeconds(60));
        scenario.stimulate(() -> backfill.redirect(id, new RedirectReferral(w.otherHospital, null, "无床位"), "demo",
                t.plusSeconds(600)))
                .andWaitForEventOfType(ReferralRedirected.class).matching(e -> e.referralId().equals(id))
                .toArriveAndVerify(e -> {
                    assertThat(e.previousInstitutionId()).isEqualTo(w.hospital);
                    assertThat(e.toInstitutionId()).isEqualTo(w.otherHospital);
                });
    }

    @Test
    void backfillRecordsTheWorkflowAsTheGivenActorAtTheGivenInstants() {
        var w = newWorld();
        Instant t = tenDaysAgo();
        var draft = backfill.create(upward(w), "demo", t);
        assertThat(draft.status()).isEqualTo(ReferralStatus.DRAFT);
        assertThat(draft.fromUsername()).isEqualTo("demo");
        assertThat(draft.createdAt()).isEqualTo(t);
        assertThat(backfill.submit(draft.id(), "demo", t.plusSeconds(60)).submittedAt()).isEqualTo(t.plusSeconds(60));
        var expired = backfill.expire(draft.id(), t.plus(Duration.ofDays(9)));
        assertThat(expired.status()).isEqualTo(ReferralStatus.EXPIRED);
        assertThat(jdbc.sql("select action || ':' || actor from referral_transition where referral_id = ? order by at")
                .param(draft.id().value()).query(String.class).list())
                .containsExactly("CREATE:demo", "SUBMIT:demo", "EXPIRE:system");
        var refused = catchThrowableOfType(ConflictException.class,
                () -> backfill.accept(draft.id(), slotAt(w), "demo", t.plus(Duration.ofDays(9))));
        assertThat(refused.code()).isEqualTo("REFERRAL-0001");
    }

    @Test
    void noLoggedInAccountMayBackfill_notEvenTheAdministrator() {
        var w = newWorld();
        long before = jdbc.sql("select count(*) from referral_referral").query(Long.class).single();
        var admin = new CurrentUser("admin", "Admin", Role.ADMIN, new Scope(ScopeType.GLOBAL, null));
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        try {
            var refused = catchThrowableOfType(ForbiddenException.class, () -> backfill.create(upward(w), "demo", tenDaysAgo()));
            assertThat(refused).as("backfill as a logged-in account").isNotNull();
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(jdbc.sql("select count(*) from referral_referral").query(Long.class).single()).as("nothing written").isEqualTo(before);
    }
}
