package org.medunion.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medunion.crash.WebhookReceiver.Applied;
import org.medunion.crash.WebhookReceiver.Mode;
import org.medunion.crash.WorkflowLoad.AckedAcceptance;
import org.medunion.support.PostgresAvailable;

/**
 * R-2 (quality.md): kill -9 MedUnion during workflow load, restart, and every acknowledged referral, acceptance
 * and booking is there and consistent, and every domain event is delivered at least once to a consumer that
 * ignores duplicates. Runs the packaged jar (failsafe, {@code ./mvnw verify}) as a child process on a fresh
 * PostgreSQL database; skipped with a notice when PostgreSQL is unreachable, failing in CI.
 * <ol>
 *   <li>start; the webhook receiver is healthy until the demo city's events are delivered;</li>
 *   <li>receiver turns flaky (503 for a third of the events, the rest answered slowly) and several clients
 *       submit referrals, accept some (booking through scheduling) and book slots directly;</li>
 *   <li>SIGKILL while publications are outstanding and the receiver holds applied-but-unanswered requests;</li>
 *   <li>receiver healthy again, restart: the registry republishes the outstanding publications; the keyed
 *       requests the kill left unanswered are retried with their Idempotency-Keys;</li>
 *   <li>check the database and the receiver.</li>
 * </ol>
 * Tuning: {@code -Dr2.clients=6 -Dr2.burstSeconds=12 -Dr2.holdMillis=1500}. The figures go to stdout and
 * {@code target/r2-crash/summary.txt} (docs/benchmarks.md, R-2).
 */
@ExtendWith(PostgresAvailable.class)
@Tag("postgres")
class WorkflowCrashIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private final int clients = Integer.getInteger("r2.clients", 6);
    private final int burstSeconds = Integer.getInteger("r2.burstSeconds", 12);
    private final long holdMillis = Long.getLong("r2.holdMillis", 1500);

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void acknowledgedWorkSurvivesKillDashNineAndEveryEventIsDeliveredAtLeastOnce() throws Exception {
        long t0 = System.nanoTime();
        Path work = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "r2-crash"));
        var jar = ApplicationProcess.jar();
        ApplicationProcess first = null;
        ApplicationProcess second = null;
        try (var db = CrashDatabase.fresh(); var receiver = new WebhookReceiver(holdMillis)) {
            first = ApplicationProcess.start(jar, db.url, PostgresAvailable.user(), PostgresAvailable.password(),
                    receiver.url(), work, "app-1");
            first.awaitReady(START);
            double firstStart = seconds(t0);
            await("demo city events delivered", () -> db.incompletePublications() == 0);
            var demo = db.demoData();
            assertThat(demo.contracts()).as("contracted residents in the demo city").isNotEmpty();
            assertThat(demo.freePublicSlots()).as("free public slots in the demo city").isNotEmpty();

            receiver.mode(Mode.FLAKY);
            var load = new WorkflowLoad(first.baseUrl, WorkflowLoad.token(first.baseUrl, "integrator"), demo);
            long burstStart = System.nanoTime();
            var threads = load.start(clients);
            // kill once the burst ran its time, with work of every kind acknowledged and a request held
            // by the receiver (applied, not answered: it must come again, as a duplicate)
            awaitUntil(Duration.ofSeconds(3L * burstSeconds), () -> seconds(burstStart) >= burstSeconds
                    && !load.referrals.isEmpty() && !load.acceptances.isEmpty() && !load.bookings.isEmpty()
                    && receiver.holding() > 0);
            load.stop(); // no new rounds; the requests in flight meet the kill
            first.kill();
            int holdingAtKill = receiver.holding();
            double burst = seconds(burstStart);
            receiver.mode(Mode.HEALTHY);
            for (var thread : threads) {
                thread.join(60_000);
            }
            int ackedReferralsAtKill = load.referrals.size();
            int ackedAcceptancesAtKill = load.acceptances.size();
            int ackedBookingsAtKill = load.bookings.size();
            int deliveriesBeforeRestart = receiver.deliveries();
            int publicationsAtKill = db.publications();
            int incompleteAtKill = db.incompletePublications();
            var incompleteByStatus = db.incompleteByStatus();

            long restart = System.nanoTime();
            second = ApplicationProcess.start(jar, db.url, PostgresAvailable.user(), PostgresAvailable.password(),
                    receiver.url(), work, "app-2");
            second.awaitReady(START);
            double secondStart = seconds(restart);
            long restarted = System.nanoTime();
            await("outstanding publications republished and completed", () -> db.incompletePublications() == 0);
            double republished = seconds(restarted);
            int deliveriesAfterRestart = receiver.deliveries() - deliveriesBeforeRestart;
            var retried = new WorkflowLoad(second.baseUrl, WorkflowLoad.token(second.baseUrl, "integrator"), demo);
            load.retryUnanswered(retried);
            await("publications of the retried requests completed", () -> db.incompletePublications() == 0);

            var accepted = load.acceptances.stream()
                    .collect(Collectors.toMap(AckedAcceptance::referralId, Function.identity()));
            var registryEvents = new HashSet<>(db.webhookEventIds());
            var applied = receiver.applied();
            Set<UUID> appliedIds = applied.stream().map(Applied::eventId).collect(Collectors.toSet());
            Set<String> appliedKeys = applied.stream().map(a -> a.type() + " " + a.referralId()).collect(Collectors.toSet());

            String summary = ("R-2 crash: %d clients, burst %.1f s, then kill -9. Acknowledged before the kill: "
                    + "%d referrals, %d acceptances (with booking), %d direct bookings; keyed requests left unanswered %d, "
                    + "retried after the restart with their keys: %s; acceptances left unanswered %d. Database after "
                    + "restart: %d burst referrals, %d live bookings. Publications at the kill: %d, incomplete %d %s; "
                    + "the receiver held %d applied-but-unanswered, had refused %d (503) and taken %d deliveries. "
                    + "After the restart: %d deliveries, all publications complete %.1f s after ready; in all %d "
                    + "events applied once, %d duplicates ignored. Start %.0f s, restart %.0f s, run %.0f s. "
                    + "Outcomes %s.").formatted(clients, burst, ackedReferralsAtKill, ackedAcceptancesAtKill,
                            ackedBookingsAtKill, load.unanswered.size(), retriedOutcomes(load), load.acceptanceInDoubt.size(),
                            db.burstReferrals(), db.liveBookings(), publicationsAtKill, incompleteAtKill, incompleteByStatus,
                            holdingAtKill, receiver.refused(), deliveriesBeforeRestart, deliveriesAfterRestart, republished,
                            appliedIds.size(), receiver.duplicatesIgnored(), firstStart, secondStart, seconds(t0),
                            new TreeMap<>(load.outcomesAsInts()));
            System.out.println(summary);
            Files.writeString(work.resolve("summary.txt"), summary + "\n");

            // the run exercised what R-2 is about
            assertThat(ackedReferralsAtKill).as("referrals acknowledged before the kill").isPositive();
            assertThat(ackedAcceptancesAtKill).as("acceptances acknowledged before the kill").isPositive();
            assertThat(ackedBookingsAtKill).as("bookings acknowledged before the kill").isPositive();
            assertThat(incompleteAtKill).as("publications outstanding at the kill").isPositive();
            // acknowledged work is there, whole
            assertThat(db.missingOrWrongReferrals(load.referrals, accepted, load.acceptanceInDoubt)).as("acknowledged referrals").isEmpty();
            assertThat(db.inconsistentReferrals()).as("referrals of the burst").isEmpty();
            assertThat(db.missingOrWrongBookings(load.bookings)).as("acknowledged bookings").isEmpty();
            assertThat(db.slotInconsistencies()).as("slots").isEmpty();
            // every event delivered at least once, applied once
            assertThat(difference(registryEvents, appliedIds)).as("published events the consumer never got").isEmpty();
            assertThat(difference(appliedIds, registryEvents)).as("events the consumer got but nobody published").isEmpty();
            assertThat(applied).as("events applied (duplicates must be ignored)").hasSize(appliedIds.size());
            assertThat(receiver.duplicatesIgnored()).as("redeliveries of the requests held at the kill")
                    .isGreaterThanOrEqualTo(holdingAtKill);
            assertThat(load.referrals.stream().map(r -> "ReferralSubmitted " + r.id()).filter(k -> !appliedKeys.contains(k)))
                    .as("acknowledged referrals whose ReferralSubmitted was not delivered").isEmpty();
            assertThat(load.acceptances.stream().map(a -> "ReferralAccepted " + a.referralId()).filter(k -> !appliedKeys.contains(k)))
                    .as("acknowledged acceptances whose ReferralAccepted was not delivered").isEmpty();
        } finally {
            if (first != null) {
                first.kill();
            }
            if (second != null) {
                second.stop();
            }
        }
    }

    private static String retriedOutcomes(WorkflowLoad load) {
        return load.outcomesAsInts().entrySet().stream().filter(e -> e.getKey().startsWith("retry"))
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(", ", "{", "}"));
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        var d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        if (!awaitUntil(DELIVERY, condition)) {
            throw new AssertionError("not within " + DELIVERY + ": " + what);
        }
    }

    private static boolean awaitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }
}
