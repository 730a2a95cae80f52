package org.medunion.referral.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.policy.ReferralEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds the policy module's SH-15, CQ-6, CN-1, CN-3, CN-4 and NAT-12 checks from the referral tables: aggregates,
 * routing tables and the routing warnings recorded on referrals — never a resident's data.
 */
@Component
class PolicyReferralEvidence implements ReferralEvidenceSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyReferralEvidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ReferralEvidence evidence() {
        Map<UUID, Long> bySender = counts("select from_institution_id, count(*) from referral_referral group by from_institution_id");
        // the priority flags are set when the contracted resident is referred up by the contract's primary institution
        // (RoutingPolicy.priorityApplies); such a referral is honoured when it was accepted with a booking
        String due = " from referral_referral where direction = 'UP' and (priority_visit or priority_exam or priority_admission)"
                + " and status in ('ACCEPTED', 'ARRIVED', 'COMPLETED', 'REJECTED', 'EXPIRED')";
        Map<UUID, Long> contractedUp = counts("select from_institution_id, count(*)" + due + " group by from_institution_id");
        Map<UUID, Long> withPriority = counts("select from_institution_id, count(*)" + due
                + " and status in ('ACCEPTED', 'ARRIVED', 'COMPLETED') and booking_id is not null group by from_institution_id");
        Map<UUID, ReferralEvidenceSource.Zone> zones = new LinkedHashMap<>();
        Map<UUID, List<UUID>> zoneMembers = new HashMap<>();
        jdbc.sql("select zone_id, institution_id from referral_zone_member").query((rs, n) -> zoneMembers
                .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class))).list();
        jdbc.sql("select id, district_code, zone, backing_hospital_id from referral_zone order by district_code, zone")
                .query((rs, n) -> zones.put(rs.getObject(1, UUID.class), new ReferralEvidenceSource.Zone(rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), List.copyOf(zoneMembers.getOrDefault(rs.getObject(1, UUID.class), List.of())))))
                .list();
        List<HospiceCentre> hospices = jdbc.sql("select institution_id, district_code, kind from referral_hospice_centre")
                .query((rs, n) -> new HospiceCentre(rs.getObject(1, UUID.class), rs.getString(2), "REGIONAL".equals(rs.getString(3))))
                .list();
        List<Criterion> criteria = jdbc.sql("select distinct consortium_id, direction from referral_criterion where active")
                .query((rs, n) -> new Criterion(rs.getObject(1, UUID.class), rs.getString(2))).list();
        List<RoutingWarning> warnings = new ArrayList<>();
        jdbc.sql("""
                select number, routing_finding, from_institution_id, to_institution_id, consortium_id, created_at
                from referral_referral where routing_finding is not null and status not in ('CANCELLED', 'DRAFT')
                order by created_at""").query(rs -> {
            LocalDate day = rs.getTimestamp(6).toInstant().atZone(clock.getZone()).toLocalDate();
            for (String rule : rs.getString(2).split(",")) {
                if (!rule.isBlank()) {
                    warnings.add(new RoutingWarning(rule.strip(), rs.getString(1), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), day));
                }
            }
        });
        return new ReferralEvidence(bySender, contractedUp, withPriority, List.copyOf(zones.values()), hospices, criteria, warnings);
    }

    private Map<UUID, Long> counts(String sql) {
        Map<UUID, Long> out = new HashMap<>();
        jdbc.sql(sql).query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return out;
    }
}
