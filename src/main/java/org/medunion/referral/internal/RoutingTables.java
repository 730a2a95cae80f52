package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.required;
import static org.medunion.referral.internal.ReferralInput.requiredText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.EmergencyZone;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing (SH-15, CN-3, CN-4): suggested destinations for a resident, and the tables behind them — zones with
 * their backing hospital and the hospice centres — maintained by the office or loaded with the demo city.
 */
@Service
@Transactional
class RoutingTables {

    private final JdbcClient jdbc;
    private final RoutingPolicy routing;
    private final Directory directory;
    private final ReferralAccess access;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    RoutingTables(JdbcClient jdbc, RoutingPolicy routing, Directory directory, ReferralAccess access, CurrentUsers users,
                  AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.directory = directory;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Contract hospitals first (SH-15), zone and hospice routing (CN-3, CN-4); audited (it reads the contract). */
    List<DestinationSuggestion> suggest(UUID residentId, ReferralDirection direction, @Nullable UUID fromInstitutionId,
                                        @Nullable DestinationType destinationType) {
        CurrentUser user = users.require();
        required(residentId, "resident");
        required(direction, "direction");
        UUID from = fromInstitutionId != null ? fromInstitutionId : ReferralAccess.institutionOf(user);
        required(from, "fromInstitutionId");
        if (!access.canSendFrom(user, from)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "SUGGEST");
        }
        if (!directory.caresFor(from, residentId)) {
            // routing reads the resident's contract: only for a resident the sending institution cares for
            throw new InvalidInputException("resident", ReferralError.NO_RESIDENT, residentId);
        }
        var contract = directory.activeContract(residentId, LocalDate.now(clock));
        var consortium = directory.consortiumOf(from).orElse(null);
        audit.record(AuditAction.READ, "ReferralRouting", residentId.toString(), residentId.toString(), direction.name());
        return routing.suggest(direction, from, consortium, destinationType, contract);
    }

    Optional<UUID> zoneBackingHospital(UUID institutionId) {
        return routing.backingHospital(institutionId);
    }

    @Transactional(readOnly = true)
    List<EmergencyZone> emergencyZones() {
        Map<UUID, List<UUID>> members = new HashMap<>();
        jdbc.sql("select zone_id, institution_id from referral_zone_member order by institution_id")
                .query((rs, n) -> members.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return jdbc.sql("select id, district_code, zone, backing_hospital_id from referral_zone order by district_code, zone")
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new EmergencyZone(id, rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                            List.copyOf(members.getOrDefault(id, List.of())));
                }).list();
    }

    UUID defineZone(String districtCode, String zone, UUID backingHospitalId) {
        adminOrSystem();
        requiredText(districtCode, "districtCode", 6);
        requiredText(zone, "zone", 10);
        required(backingHospitalId, "backingHospitalId");
        var existing = jdbc.sql("select id from referral_zone where district_code = ? and zone = ?")
                .params(districtCode, zone).query(UUID.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("update referral_zone set backing_hospital_id = ? where id = ?").params(backingHospitalId, existing.get()).update();
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into referral_zone (id, district_code, zone, backing_hospital_id) values (?, ?, ?, ?)")
                .params(id, districtCode, zone, backingHospitalId).update();
        return id;
    }

    void assignToZone(UUID institutionId, UUID zoneId) {
        adminOrSystem();
        required(institutionId, "institutionId");
        required(zoneId, "zoneId");
        jdbc.sql("delete from referral_zone_member where institution_id = ?").param(institutionId).update();
        jdbc.sql("insert into referral_zone_member (institution_id, zone_id) values (?, ?)").params(institutionId, zoneId).update();
    }

    void registerHospiceCentre(UUID institutionId, String districtCode, boolean regional) {
        adminOrSystem();
        required(institutionId, "institutionId");
        requiredText(districtCode, "districtCode", 6);
        jdbc.sql("delete from referral_hospice_centre where institution_id = ?").param(institutionId).update();
        jdbc.sql("insert into referral_hospice_centre (institution_id, district_code, kind) values (?, ?, ?)")
                .params(institutionId, districtCode, regional ? "REGIONAL" : "HOME").update();
    }

    /** The tables are the office's (or the system's, without a caller, when the demo city is loaded). */
    private void adminOrSystem() {
        users.current().ifPresent(u -> {
            if (!u.isAdmin() && u.role() != Role.OFFICE) {
                throw new ForbiddenException(ReferralError.WRONG_SIDE, "ROUTING");
            }
        });
    }
}
