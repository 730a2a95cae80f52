package org.medunion.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationDestination;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.RoutingWarning;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a consultation should go (issue 14: "routing like referral"). The suggestions are the referral module's for
 * an upward referral — the zone's backing hospital for a nursing home (CN-3), the contract hospitals (SH-15), the
 * consortium — each marked with whether a TM-1 agreement is in force. TM-15 is a warning: a nursing home in an
 * emergency zone may still invite another institution, and the departure is recorded with the request.
 */
@Component
class ConsultationRouting {

    static final String TM15 = "TM-15";

    /** Upward bases a consultation can use (hospice routing is for downward referrals only). */
    private static final Set<String> BASES = Set.of("ZONE_BACKING", "CONTRACT_DISTRICT", "CONTRACT_MUNICIPAL",
            "CONSORTIUM_LEAD", "CONSORTIUM_MEMBER");

    private final ReferralManagement referrals;
    private final ConsultationGates gates;
    private final ConsultationDirectory directory;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConsultationRouting(ReferralManagement referrals, ConsultationGates gates, ConsultationDirectory directory,
                        JdbcClient jdbc, Clock clock) {
        this.referrals = referrals;
        this.gates = gates;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The suggestions for a resident the inviting institution cares for, best first. The referral module checks the
     * caller's side and the care relationship, and audits the read (it reads the resident's contract).
     */
    List<ConsultationDestination> destinations(UUID residentId, UUID from) {
        LocalDate today = LocalDate.now(clock);
        return referrals.suggestDestinations(residentId, ReferralDirection.UP, null, from, null).stream()
                .filter(s -> BASES.contains(s.basis()))
                .map(s -> new ConsultationDestination(s.institutionId(), s.name(), s.basis(), s.ruleId(), s.rank(),
                        gates.agreementOn(from, s.institutionId(), today).isPresent()))
                .toList();
    }

    /** TM-15: records the zone's backing hospital when a nursing home of an emergency zone invited another one. */
    void recordDepartures(UUID consultation, UUID from, UUID to, @Nullable String division, Instant now) {
        if (!gates.applies(TM15, division)) {
            return;
        }
        referrals.zoneBackingHospital(from).filter(backing -> !backing.equals(to)).ifPresent(backing -> jdbc.sql("""
                insert into consultation_routing_warning (consultation_id, rule_id, suggested_institution_id, recorded_at)
                values (?, ?, ?, ?)""").params(consultation, TM15, backing, Timestamp.from(now)).update());
    }

    List<RoutingWarning> warnings(ConsultationId consultation) {
        return warnings(List.of(consultation.value())).getOrDefault(consultation.value(), List.of());
    }

    /** The warnings of a page of consultations in one read: a list would otherwise ask once per row. */
    Map<UUID, List<RoutingWarning>> warnings(Collection<UUID> consultations) {
        Map<UUID, List<RoutingWarning>> out = new HashMap<>();
        if (consultations.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select consultation_id, rule_id, suggested_institution_id from consultation_routing_warning
                 where consultation_id in (:ids) order by consultation_id, rule_id""").param("ids", consultations)
                .query(rs -> {
                    UUID suggested = rs.getObject(3, UUID.class);
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RoutingWarning(rs.getString(2), suggested, directory.name(suggested)));
                });
        return out;
    }
}
