package org.medunion.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.demo.internal.DemoCityGenerator.Scale;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.Title;
import org.medunion.shared.CreditCode;

/** The generator alone, in memory: determinism, validity, coverage and the deliberate violations. */
class DemoCityGeneratorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static CityRecorder city(long seed) {
        var recorder = new CityRecorder();
        DemoCityGenerator.generate(seed, Scale.DEMO, DemoDistricts.all(), TODAY, recorder);
        return recorder;
    }

    /** Prints the demo city's composition (docs/demo-city.md is written from this). */
    @Test
    void demoScaleComposition() {
        var c = city(42);
        System.out.println("demo scale: " + c.institutions.size() + " institutions, " + c.practitioners.size() + " practitioners, "
                + c.consortia.size() + " consortia, " + c.grids.size() + " grids, " + c.agreements.size() + " agreements, "
                + c.dispatches.size() + " dispatches, " + c.workLogs.size() + " work logs, " + c.studyPeriods.size()
                + " study periods; " + c.size() + " objects");
        System.out.println("by category: " + c.institutions.stream().collect(Collectors.groupingBy(i -> i.command().category(),
                java.util.TreeMap::new, Collectors.counting())));
        System.out.println("by form: " + c.consortia.stream().collect(Collectors.groupingBy(i -> i.command().form(),
                java.util.TreeMap::new, Collectors.counting())));
        assertThat(c.size()).isLessThan(1_200);
    }

    @Test
    void sameSeedGivesTheSameCityIdsIncluded() {
        var a = city(42);
        var b = city(42);
        assertThat(a.institutions).isEqualTo(b.institutions);
        assertThat(a.practitioners).isEqualTo(b.practitioners);
        assertThat(a.consortia).isEqualTo(b.consortia);
        assertThat(a.workLogs).isEqualTo(b.workLogs);
    }

    @Test
    void anotherSeedGivesAnotherCity() {
        var a = city(42);
        var b = city(7);
        assertThat(a.institutions.stream().map(CityRecorder.Item::id).toList())
                .doesNotContainAnyElementsOf(b.institutions.stream().map(CityRecorder.Item::id).toList());
        assertThat(a.institutions.stream().map(i -> i.command().creditCode()).toList())
                .isNotEqualTo(b.institutions.stream().map(i -> i.command().creditCode()).toList());
        assertThat(a.practitioners.stream().map(i -> i.command().name()).toList())
                .isNotEqualTo(b.practitioners.stream().map(i -> i.command().name()).toList());
    }

    @Test
    void demoScaleHasEveryCategoryAndFormAndIsSmall() {
        var c = city(42);
        assertThat(c.institutions).hasSizeBetween(60, 120);
        assertThat(c.institutions.stream().map(i -> i.command().category()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(InstitutionCategory.class));
        assertThat(c.consortia.stream().map(i -> i.command().form()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ConsortiumForm.class));
        assertThat(c.agreements.stream().map(i -> i.command().type()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(AgreementType.class));
        assertThat(c.consortia.stream().filter(i -> i.command().form() == ConsortiumForm.URBAN_GROUP && i.command().tight())).isNotEmpty();
    }

    @Test
    void everyCreditCodeIsValidAndUniqueAndEveryPractitionerHasATitleDate() {
        var c = city(42);
        var codes = c.institutions.stream().map(i -> i.command().creditCode()).toList();
        assertThat(codes).allSatisfy(code -> assertThat(CreditCode.isValid(code)).as(code).isTrue());
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        // public institutions: 12 + the district's GB/T 2260 code
        c.institutions.stream().filter(i -> i.command().ownership() == org.medunion.registry.Ownership.PUBLIC)
                .forEach(i -> assertThat(i.command().creditCode()).startsWith("12" + i.command().districtCode()));
        assertThat(c.practitioners).allSatisfy(p -> assertThat(p.command().titleDate()).isNotNull().isBefore(TODAY));
        assertThat(new HashSet<>(c.institutions.stream().map(i -> i.command().name()).toList())).hasSameSizeAs(c.institutions);
    }

    @Test
    void SH3_putuoHasThreeMunicipalGeneralHospitalsAsTechnicalSupport() {
        var c = city(42);
        var municipalGeneral = municipalGeneralIds(c);
        var putuo = c.consortia.stream().filter(i -> "310107".equals(i.command().districtCode())
                && i.command().form() == ConsortiumForm.REGIONAL).toList();
        long count = putuo.stream().flatMap(i -> i.command().members().stream())
                .filter(m -> m.role() == MembershipRole.TECHNICAL_SUPPORT
                        && municipalGeneral.contains(Objects.requireNonNull(m.institutionId()).value()))
                .map(m -> m.institutionId()).distinct().count();
        assertThat(count).isEqualTo(3);
    }

    @Test
    void SH4_oneMunicipalGeneralHospitalWorksInFourDistricts() {
        var c = city(42);
        var byId = c.institutions.stream().collect(Collectors.toMap(CityRecorder.Item::id, CityRecorder.Item::command));
        Map<UUID, Set<String>> districts = new java.util.HashMap<>();
        for (UUID id : municipalGeneralIds(c)) {
            districts.computeIfAbsent(id, k -> new HashSet<>())
                    .add(Objects.requireNonNull(byId.get(id), "a generated institution").districtCode());
        }
        c.consortia.stream().filter(i -> i.command().form() == ConsortiumForm.REGIONAL).forEach(i -> i.command().members().stream()
                .filter(m -> districts.containsKey(Objects.requireNonNull(m.institutionId()).value()))
                .forEach(m -> Objects.requireNonNull(districts.get(m.institutionId().value()), "filtered on containsKey")
                        .add(i.command().districtCode())));
        var overLimit = districts.entrySet().stream().filter(e -> e.getValue().size() > 3).toList();
        assertThat(overLimit).hasSize(1);
        assertThat(Objects.requireNonNull(byId.get(overLimit.get(0).getKey()), "a generated institution").name()).isEqualTo("上海市第十一人民医院");
        assertThat(overLimit.get(0).getValue()).hasSize(4);
    }

    @Test
    void SH7_SH8_SH9_trusteeshipDispatchesBreakTheRulesWhereIntended() {
        var c = city(42);
        var practitioners = c.practitioners.stream().collect(Collectors.toMap(CityRecorder.Item::id, CityRecorder.Item::command));
        var trusteeships = c.agreements.stream().filter(a -> a.command().type() == AgreementType.TRUSTEESHIP).toList();
        assertThat(trusteeships).hasSize(5);
        var managersPerAgreement = c.dispatches.stream().filter(d -> d.command().kind() == DispatchKind.MANAGER)
                .collect(Collectors.groupingBy(d -> d.command().agreementId(), Collectors.counting()));
        assertThat(managersPerAgreement.values().stream().filter(n -> n == 1)).hasSize(1); // SH-7
        var juniors = c.dispatches.stream().filter(d -> d.command().kind() == DispatchKind.EXPERT)
                .map(d -> practitioners.get(d.command().practitionerId().value()))
                .filter(p -> p.profession() == Profession.PHYSICIAN && p.title() == Title.ATTENDING
                        && p.titleDate() != null && p.titleDate().isAfter(TODAY.minusYears(5)))
                .toList();
        assertThat(juniors).hasSize(1); // SH-8
        var expertsByAgreement = c.dispatches.stream()
                .filter(d -> d.command().kind() == DispatchKind.EXPERT && d.command().agreementId() != null)
                .collect(Collectors.groupingBy(d -> d.command().agreementId()));
        assertThat(expertsByAgreement.values().stream().filter(l -> l.stream().map(d -> d.command().discipline()).distinct().count() < 5))
                .hasSize(1); // SH-9 disciplines
        assertThat(c.dispatches.stream().filter(d -> d.command().weeklyDays() < 2)).hasSize(1); // SH-9 days
        var oneDay = c.dispatches.stream().filter(d -> d.command().weeklyDays() == 1).findFirst().orElseThrow().knownId();
        assertThat(c.workLogs.stream().filter(l -> oneDay.equals(l.parentId()))).hasSize(CityBuilder.EXPERT_LOG_WEEKS + 1); // one day a week
    }

    @Test
    void SH14_SH16_CQ2_violationsAreThere() {
        var c = city(42);
        var practitionerNames = c.practitioners.stream().collect(Collectors.toMap(CityRecorder.Item::id, i -> i.command().name()));
        var wang = c.practitioners.stream()
                .filter(p -> p.command().name().equals("王建国") && Boolean.TRUE.equals(p.command().generalPractitioner()))
                .findFirst().orElseThrow();
        assertThat(c.studyPeriods.stream().filter(s -> wang.knownId().equals(s.parentId()))
                .allMatch(s -> s.command().endDate().isBefore(TODAY.minusYears(2)))).isTrue();
        assertThat(practitionerNames).isNotEmpty();
        var jiading = c.consortia.stream().filter(i -> i.command().name().equals("嘉定区区域医疗联合体")).findFirst().orElseThrow();
        assertThat(jiading.command().qualityControlGroup()).isFalse();
        assertThat(c.agreements.stream().filter(a -> jiading.knownId().equals(a.parentId()) && a.command().type() == AgreementType.CHARTER))
                .isEmpty();
        Set<UUID> inConsortium = c.consortia.stream().flatMap(i -> i.command().members().stream())
                .map(m -> Objects.requireNonNull(m.institutionId()).value()).collect(Collectors.toSet());
        assertThat(c.institutions.stream().filter(i -> "500106".equals(i.command().districtCode()))).isNotEmpty()
                .allSatisfy(i -> assertThat(inConsortium).doesNotContain(i.id()));
    }

    @Test
    void districtScaleStreamsThousandsOfInstitutions() {
        var counter = new CountingSink();
        long start = System.nanoTime();
        var summary = DemoCityGenerator.generate(42, Scale.DISTRICT, DemoDistricts.all(), TODAY, counter);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("district scale over %d districts: %d institutions, %d practitioners, %d consortia, %d flushes in %d ms%n",
                DemoDistricts.all().size(), summary.institutions(), summary.practitioners(), summary.consortia(), counter.flushes, ms);
        assertThat(summary.institutions()).isEqualTo(counter.institutions);
        // the registry refuses duplicate credit codes, grid codes and consortium names
        assertThat(counter.creditCodes).hasSize(counter.institutions);
        assertThat(counter.gridCodes).hasSize(counter.grids);
        assertThat(counter.consortiumNames).hasSize(counter.consortia);
        assertThat(counter.flushes).isGreaterThan(DemoDistricts.all().size() - 3);
        assertThat(counter.maxBetweenFlushes).isLessThan(2_000);
    }

    private static Set<UUID> municipalGeneralIds(CityRecorder c) {
        return c.institutions.stream().filter(i -> isMunicipalGeneral(i.command())).map(CityRecorder.Item::id).collect(Collectors.toSet());
    }

    private static boolean isMunicipalGeneral(RegisterInstitution r) {
        return r.affiliation() == org.medunion.registry.Affiliation.MUNICIPAL && r.category() == InstitutionCategory.GENERAL_HOSPITAL
                && !Boolean.TRUE.equals(r.tcm()) && r.districtCode() != null && r.districtCode().startsWith("31");
    }

    /** Counts without keeping anything, and checks that chunks stay small. */
    static final class CountingSink implements CitySink {

        int institutions;
        int grids;
        int consortia;
        final Set<String> creditCodes = new HashSet<>();
        final Set<String> gridCodes = new HashSet<>();
        final Set<String> consortiumNames = new HashSet<>();
        int sinceFlush;
        int maxBetweenFlushes;
        int flushes;

        private void one() {
            sinceFlush++;
        }

        @Override
        public void grid(UUID id, org.medunion.registry.DrawGrid command) {
            grids++;
            gridCodes.add(command.code());
            one();
        }

        @Override
        public void institution(UUID id, @Nullable String key, RegisterInstitution command) {
            institutions++;
            assertThat(CreditCode.isValid(command.creditCode())).isTrue();
            creditCodes.add(command.creditCode());
            one();
        }

        @Override
        public void practitioner(UUID id, org.medunion.registry.RegisterPractitioner command) {
            one();
        }

        @Override
        public void studyPeriod(UUID practitionerId, org.medunion.registry.RecordStudyPeriod command) {
            one();
        }

        @Override
        public void consortium(UUID id, @Nullable String key, org.medunion.registry.FormConsortium command) {
            consortia++;
            consortiumNames.add(command.name());
            one();
        }

        @Override
        public void agreement(UUID id, UUID consortiumId, org.medunion.registry.RecordAgreement command) {
            one();
        }

        @Override
        public void dispatch(UUID id, UUID consortiumId, org.medunion.registry.DispatchStaff command) {
            one();
        }

        @Override
        public void workLog(UUID dispatchId, org.medunion.registry.LogWork command) {
            one();
        }

        @Override
        public void flush() {
            flushes++;
            maxBetweenFlushes = Math.max(maxBetweenFlushes, sinceFlush);
            sinceFlush = 0;
        }
    }
}
