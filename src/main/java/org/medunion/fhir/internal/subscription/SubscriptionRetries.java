package org.medunion.fhir.internal.subscription;

import java.time.Clock;
import java.time.Duration;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed Subscription notifications while the server runs (the registry republishes the rest on restart):
 * every {@code medunion.fhir.subscription-retry} it resubmits this module's incomplete publications that are older
 * than that interval. Only the {@link SubscriptionNotifier}'s own publications — the webhooks keep their
 * retry-on-restart behaviour.
 */
@Component
class SubscriptionRetries {

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration interval;

    SubscriptionRetries(IncompleteEventPublications incomplete, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${medunion.fhir.subscription-retry:PT30S}") Duration interval) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${medunion.fhir.subscription-retry:PT30S}", initialDelayString = "${medunion.fhir.subscription-retry:PT30S}")
    void retry() {
        var before = clock.instant().minus(interval);
        incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before) && ours(p));
    }

    /**
     * Whether the publication is the notifier's (not the webhooks' of the same event). The listener's identifier is
     * only on the registry's internal interface (not on the compile classpath), so it is read reflectively.
     */
    static boolean ours(EventPublication publication) {
        try {
            var target = Class.forName("org.springframework.modulith.events.core.TargetEventPublication");
            if (!target.isInstance(publication)) {
                return false;
            }
            Object id = target.getMethod("getTargetIdentifier").invoke(publication);
            return String.valueOf(id).contains(SubscriptionNotifier.class.getName());
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
