package org.medunion.diagnostics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DecisionView;
import org.medunion.policy.EvidenceChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the policy module when its diagnostics evidence changed in a way its rules can see (NAT-9, NN-9 judge centre
 * types and whether an institution recognised at least once this year): a new centre, or an institution's first
 * recognition of the year — not every decision, so order entry under load does not re-evaluate the city each time.
 */
@Component
class EvidenceAnnouncer {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvidenceAnnouncer(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    void centreRegistered() {
        events.publishEvent(new EvidenceChanged("diagnostics"));
    }

    /** After the decision is saved (same transaction): announces the ordering institution's first recognition of the year. */
    void decided(DecisionView decision) {
        if (decision.outcome() != DecisionOutcome.RECOGNISED) {
            return;
        }
        var yearStart = Timestamp.from(LocalDate.now(clock).withDayOfYear(1).atStartOfDay(clock.getZone()).toInstant());
        long thisYear = jdbc.sql("""
                select count(*) from diagnostics_decision where ordering_institution_id = ? and outcome = ? and decided_at >= ?""")
                .params(decision.orderingInstitutionId(), DecisionOutcome.RECOGNISED.name(), yearStart).query(Long.class).single();
        if (thisYear == 1) {
            events.publishEvent(new EvidenceChanged("diagnostics"));
        }
    }
}
