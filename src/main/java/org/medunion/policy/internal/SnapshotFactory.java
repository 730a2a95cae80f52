package org.medunion.policy.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.policy.DiagnosticsEvidenceSource;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.policy.PharmacyEvidenceSource;
import org.medunion.policy.ReferralEvidenceSource;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the {@link RegistrySnapshot} once per evaluation from the registry's city-wide reads (named interface {@code registry :: unscoped}) (no audit, no scope:
 * rule evaluation is the platform's own check).
 */
@Component
class SnapshotFactory {

    private final RegistryManagement registry;
    private final CityWideRegistry city;
    private final PolicyStore store;
    private final ObjectProvider<ReleaseRatioSource> releaseRatios;
    private final ObjectProvider<FamilyDoctorTeamSource> teams;
    private final ObjectProvider<ReferralEvidenceSource> referrals;
    private final ObjectProvider<PharmacyEvidenceSource> pharmacy;
    private final ObjectProvider<IndicatorEvidenceSource> indicators;
    private final ObjectProvider<DiagnosticsEvidenceSource> diagnostics;
    private final ObjectProvider<ConsultationEvidenceSource> consultations;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the registry, the store and one source per module that holds evidence
    SnapshotFactory(RegistryManagement registry, CityWideRegistry city, PolicyStore store, ObjectProvider<ReleaseRatioSource> releaseRatios,
                    ObjectProvider<FamilyDoctorTeamSource> teams, ObjectProvider<ReferralEvidenceSource> referrals,
                    ObjectProvider<PharmacyEvidenceSource> pharmacy, ObjectProvider<IndicatorEvidenceSource> indicators,
                    ObjectProvider<DiagnosticsEvidenceSource> diagnostics,
                    ObjectProvider<ConsultationEvidenceSource> consultations, Clock clock) {
        this.indicators = indicators;
        this.diagnostics = diagnostics;
        this.consultations = consultations;
        this.referrals = referrals;
        this.pharmacy = pharmacy;
        this.registry = registry;
        this.city = city;
        this.store = store;
        this.releaseRatios = releaseRatios;
        this.teams = teams;
        this.clock = clock;
    }

    RegistrySnapshot build() {
        return build(LocalDate.now(clock));
    }

    /** The registry as of a day: relations count when active on it (evaluation "as of"). */
    RegistrySnapshot build(LocalDate asOf) {
        return RegistrySnapshot.builder(asOf)
                .districts(registry.districts())
                .institutions(city.allInstitutions())
                .consortia(city.allConsortia())
                .practitioners(city.allPractitioners())
                .dispatches(city.allDispatches())
                .workLogs(city.allWorkLogs())
                .agreements(city.allAgreements())
                .studyPeriods(city.allStudyPeriods())
                .grids(city.allGrids())
                .publicHealthDepartments(city.allPublicHealthDepartments())
                .changeReports(city.allChangeReports())
                .releaseRatios(releaseRatios.getIfAvailable())
                .teamSource(teams.getIfAvailable())
                .referrals(referralEvidence())
                .pharmacy(pharmacyEvidence())
                .indicators(indicators.getIfAvailable())
                .diagnostics(diagnostics.getIfAvailable())
                .consultations(ConsultationEvidenceSource.readOnce(consultations.getIfAvailable()))
                .packJurisdictions(store.packJurisdictions())
                .build();
    }

    private ReferralEvidenceSource.@Nullable ReferralEvidence referralEvidence() {
        ReferralEvidenceSource source = referrals.getIfAvailable();
        return source == null ? null : source.evidence();
    }

    private PharmacyEvidenceSource.@Nullable PharmacyEvidence pharmacyEvidence() {
        PharmacyEvidenceSource source = pharmacy.getIfAvailable();
        return source == null ? null : source.evidence();
    }

    Optional<ConsortiumView> consortium(ConsortiumId id) {
        return registry.consortiumEntry(id);
    }

    List<ConsortiumView> allConsortia() {
        return city.allConsortia();
    }

    String districtName(String code) {
        return registry.district(code).map(DistrictView::name).orElse(code);
    }
}
