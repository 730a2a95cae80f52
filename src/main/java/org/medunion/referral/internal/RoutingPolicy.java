package org.medunion.referral.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralDirection;
import org.medunion.residents.ContractView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a referral should go.
 * <ul>
 * <li>SH-15: an upward referral of a contracted resident goes to the contract's district or municipal
 * hospital first; another destination is recorded as a warning finding.</li>
 * <li>CN-3: a resident referred up from a nursing home goes to the backing hospital of the home's zone.</li>
 * <li>CN-4: institutional hospice beds are at the regional hospice centre, home hospice beds at the other centres.</li>
 * </ul>
 */
@Component
class RoutingPolicy {

    static final String SH15 = "SH-15";
    static final String CN3 = "CN-3";
    static final String CN4 = "CN-4";

    private final JdbcClient jdbc;
    private final Directory directory;

    RoutingPolicy(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** Rule IDs the chosen destination departs from (warnings, recorded on the referral); empty when none. */
    List<String> findings(@Nullable ReferralDirection direction, @Nullable UUID from, @Nullable UUID to,
                          @Nullable DestinationType destination,
                          Optional<ContractView> contract) {
        List<String> findings = new ArrayList<>();
        if (to == null) {
            return findings;
        }
        if (direction == ReferralDirection.UP && contract.isPresent()) {
            var c = contract.get();
            if (!to.equals(Directory.id(c.districtHospitalId())) && !to.equals(Directory.id(c.municipalHospitalId()))) {
                findings.add(SH15);
            }
        }
        if (direction == ReferralDirection.UP) {
            backingHospital(from).filter(h -> !h.equals(to)).ifPresent(h -> findings.add(CN3));
        }
        if (destination != null && destination.isHospice() && hospiceCentresKnown()) {
            String kind = hospiceKind(to).orElse(null);
            boolean fits = destination == DestinationType.HOSPICE_INSTITUTIONAL ? "REGIONAL".equals(kind) : kind != null;
            if (!fits) {
                findings.add(CN4);
            }
        }
        return findings;
    }

    List<DestinationSuggestion> suggest(ReferralDirection direction, @Nullable UUID from, @Nullable UUID consortiumId,
                                        @Nullable DestinationType destination, Optional<ContractView> contract) {
        Set<UUID> seen = new LinkedHashSet<>();
        List<DestinationSuggestion> out = new ArrayList<>();
        if (direction == ReferralDirection.UP) {
            backingHospital(from).ifPresent(h -> add(out, seen, h, "ZONE_BACKING", CN3));
            contract.ifPresent(c -> {
                add(out, seen, Directory.id(c.districtHospitalId()), "CONTRACT_DISTRICT", SH15);
                add(out, seen, Directory.id(c.municipalHospitalId()), "CONTRACT_MUNICIPAL", SH15);
            });
        }
        if (direction == ReferralDirection.DOWN && destination != null && destination.isHospice()) {
            jdbc.sql("select institution_id from referral_hospice_centre where kind = ? order by institution_id")
                    .param(destination == DestinationType.HOSPICE_INSTITUTIONAL ? "REGIONAL" : "HOME")
                    .query(UUID.class).list()
                    .forEach(h -> add(out, seen, h, destination == DestinationType.HOSPICE_INSTITUTIONAL
                            ? "HOSPICE_REGIONAL" : "HOSPICE_HOME", CN4));
        }
        if (direction == ReferralDirection.DOWN) {
            contract.ifPresent(c -> add(out, seen, Directory.id(c.primaryInstitutionId()), "CONTRACT_PRIMARY", SH15));
        }
        var members = directory.members(consortiumId);
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).equals(from)) {
                add(out, seen, members.get(i), i == 0 ? "CONSORTIUM_LEAD" : "CONSORTIUM_MEMBER", null);
            }
        }
        return out;
    }

    private void add(List<DestinationSuggestion> out, Set<UUID> seen, @Nullable UUID id, String basis, @Nullable String rule) {
        if (id != null && seen.add(id)) {
            out.add(new DestinationSuggestion(id, directory.name(id), basis, rule, out.size() + 1));
        }
    }

    /** CN-3: the backing hospital of the zone an institution (a nursing home) is mapped to. */
    Optional<UUID> backingHospital(@Nullable UUID institution) {
        if (institution == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select z.backing_hospital_id from referral_zone_member m join referral_zone z on z.id = m.zone_id
                where m.institution_id = ?""").param(institution).query(UUID.class).optional();
    }

    private boolean hospiceCentresKnown() {
        return jdbc.sql("select count(*) from referral_hospice_centre").query(Long.class).single() > 0;
    }

    private Optional<String> hospiceKind(UUID institution) {
        return jdbc.sql("select kind from referral_hospice_centre where institution_id = ?").param(institution)
                .query(String.class).optional();
    }

    boolean priorityApplies(@Nullable ReferralDirection direction, @Nullable UUID from, Optional<ContractView> contract, LocalDate day) {
        return direction == ReferralDirection.UP && contract.isPresent()
                && from != null && from.equals(Directory.id(contract.get().primaryInstitutionId()));
    }
}
