package org.medunion.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.policy.FamilyDoctorTeamSource.GroupCoverage;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CQ-10's evidence from the contract tables (SQL on H2 and PostgreSQL): per district of the residents' address, the
 * residents declared POVERTY on a contract started by the day, and those of them under a contract in force that day.
 * Hand-counted deltas, as other tests add residents to the same district.
 */
abstract class PovertyCoverageContract extends RunningCity {

    private static final String DISTRICT = "500106";
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @Autowired
    FamilyDoctorTeamSource source;

    private GroupCoverage now() {
        return source.povertyCoverage(DAY).orElseThrow().getOrDefault(DISTRICT, new GroupCoverage(0, 0));
    }

    @Test
    void CQ10_povertyGroupCountsLapsedContractsAsUncontracted_futureAndOtherGroupsNotAtAll() {
        var site = ResidentsFixture.site(registry, accounts);
        GroupCoverage before = now();
        GroupCoverage beforeLastDay = source.povertyCoverage(DAY.minusDays(1)).orElseThrow()
                .getOrDefault(DISTRICT, new GroupCoverage(0, 0));
        var ids = residents.importResidents(List.of(
                new RegisterResident(ResidentsFixture.idNumber(LocalDate.of(1960, 3, 3), true), "贫困甲", null, null, null, DISTRICT, null,
                        null),
                new RegisterResident(ResidentsFixture.idNumber(LocalDate.of(1961, 4, 4), false), "贫困乙", null, null, null, DISTRICT, null,
                        null),
                new RegisterResident(ResidentsFixture.idNumber(LocalDate.of(1962, 5, 5), true), "贫困丙", null, null, null, DISTRICT, null,
                        null),
                new RegisterResident(ResidentsFixture.idNumber(LocalDate.of(1963, 6, 6), false), "非贫困丁", null, null, null, DISTRICT, null,
                        null)));
        var team = residents.importTeams(List.of(new FormTeam(site.primary(), RegistrySeeds.unique("扶贫团队"), site.gp(), site.nurse(),
                List.of(site.specialist())))).get(0);
        residents.importContracts(List.of(
                // in force on the day
                new SignContract(ids.get(0), team, site.district(), site.municipal(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        List.of("POVERTY"), null),
                // lapsed the day before: poor, not contracted
                new SignContract(ids.get(1), team, site.district(), site.municipal(), LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31),
                        List.of("POVERTY"), null),
                // starts after the day: not yet known as poor on it
                new SignContract(ids.get(2), team, site.district(), site.municipal(), LocalDate.of(2026, 6, 2), LocalDate.of(2027, 6, 1),
                        List.of("POVERTY"), null),
                new SignContract(ids.get(3), team, site.district(), site.municipal(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        List.of("HYPERTENSION"), null)));
        GroupCoverage after = now();
        assertThat(after.residents() - before.residents()).isEqualTo(2);
        assertThat(after.contracted() - before.contracted()).isEqualTo(1);
        // the contract ending on the day still covers it (end inclusive)
        assertThat(Objects.requireNonNull(source.povertyCoverage(DAY.minusDays(1)).orElseThrow().get(DISTRICT)).contracted()
                - beforeLastDay.contracted()).isEqualTo(2);
    }
}
