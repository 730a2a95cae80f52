package org.medunion.policy.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.medunion.policy.rules.Pack;
import org.medunion.policy.rules.Parameters;
import org.medunion.policy.rules.RegistrySnapshot;
import org.medunion.policy.rules.RuleCatalogue;
import org.medunion.policy.rules.RuleEngine;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.Title;
import org.medunion.registry.WorkLogView;

/**
 * Benchmark (a program, not a timed test): evaluation of all five packs over a synthetic district-scale city held
 * in memory — 16 districts, 3,000 institutions, 300 consortia, 20,000 practitioners (plus dispatches, work logs,
 * agreements, study periods, grids), seeded and deterministic. Prints the median of 7 runs after 3 warm-ups and
 * the ratio to a reference measured in the same run: one hand-written pass over the same memberships (the SH-3
 * count). Run:
 * <pre>./mvnw -B -o -q test-compile && java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.medunion.policy.bench.PolicyEvaluationBench</pre>
 * (docs/benchmarks.md has the full command).
 */
public final class PolicyEvaluationBench {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String[] DISTRICTS = {"310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112", "310113",
            "310114", "310115", "310116", "310117", "310118", "310120", "310151"};

    public static void main(String[] args) {
        Random rnd = new Random(20261123L);
        var city = build(rnd);
        Map<Pack, Set<String>> packs = new EnumMap<>(Pack.class);
        for (Pack p : Pack.values()) {
            packs.put(p, Set.of("310000"));
        }
        var engine = new RuleEngine(new RuleCatalogue());
        long[] snapshot = new long[7];
        long[] evaluate = new long[7];
        long[] reference = new long[7];
        int findings = 0;
        for (int run = -3; run < 7; run++) {
            long t0 = System.nanoTime();
            RegistrySnapshot s = city.snapshot(packs);
            long t1 = System.nanoTime();
            findings = engine.evaluate(s, Parameters.defaults()).size();
            long t2 = System.nanoTime();
            int ref = reference(city);
            long t3 = System.nanoTime();
            if (run >= 0) {
                snapshot[run] = t1 - t0;
                evaluate[run] = t2 - t1;
                reference[run] = t3 - t2;
            }
            if (ref < 0) {
                System.out.println(ref);
            }
        }
        System.out.printf("Policy evaluation bench: %d districts, %d institutions, %d consortia, %d practitioners, %d dispatches, "
                + "%d work logs, %d agreements, %d study periods, %d grids%n", DISTRICTS.length, city.institutions.size(),
                city.consortia.size(), city.practitioners.size(), city.dispatches.size(), city.workLogs.size(), city.agreements.size(),
                city.studyPeriods.size(), city.grids.size());
        System.out.printf("findings: %d%n", findings);
        System.out.printf("snapshot build (median of 7): %.1f ms%n", median(snapshot) / 1e6);
        System.out.printf("evaluate all packs, 54 rules (median of 7): %.1f ms%n", median(evaluate) / 1e6);
        System.out.printf("reference: one hand-written pass over the memberships (median of 7): %.2f ms%n", median(reference) / 1e6);
        System.out.printf("ratio evaluate / reference: %.0fx%n", (double) median(evaluate) / Math.max(1, median(reference)));
        var s = city.snapshot(packs);
        var slowest = new java.util.TreeMap<Long, String>(java.util.Comparator.reverseOrder());
        for (var rule : new RuleCatalogue().rules()) {
            long t = System.nanoTime();
            rule.evaluate(s, Parameters.defaults());
            slowest.put(System.nanoTime() - t, rule.id());
        }
        System.out.print("slowest rules:");
        slowest.entrySet().stream().limit(5).forEach(e -> System.out.printf(" %s %.1f ms;", e.getValue(), e.getKey() / 1e6));
        System.out.println();
        System.out.printf("Java %s, %d processors%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** The reference: count municipal general hospitals per district in regional consortia, by hand. */
    static int reference(City city) {
        Map<InstitutionId, InstitutionView> byId = new HashMap<>();
        city.institutions.forEach(i -> byId.put(i.id(), i));
        Map<String, Set<InstitutionId>> perDistrict = new HashMap<>();
        for (ConsortiumView c : city.consortia) {
            if (c.form() != ConsortiumForm.REGIONAL) {
                continue;
            }
            for (MembershipView m : c.members()) {
                InstitutionView i = byId.get(m.institutionId());
                if (i != null && i.isMunicipalGeneralHospital()) {
                    perDistrict.computeIfAbsent(c.districtCode(), k -> new HashSet<>()).add(i.id());
                }
            }
        }
        int over = 0;
        for (var e : perDistrict.values()) {
            over += e.size() > 2 ? 1 : 0;
        }
        return over;
    }

    public static final class City {

        final List<DistrictView> districts = new ArrayList<>();
        final List<InstitutionView> institutions = new ArrayList<>();
        final List<ConsortiumView> consortia = new ArrayList<>();
        final List<PractitionerView> practitioners = new ArrayList<>();
        final List<DispatchView> dispatches = new ArrayList<>();
        final List<WorkLogView> workLogs = new ArrayList<>();
        final List<AgreementView> agreements = new ArrayList<>();
        final List<StudyPeriodView> studyPeriods = new ArrayList<>();
        final List<GridView> grids = new ArrayList<>();

        public RegistrySnapshot snapshot(Map<Pack, Set<String>> packs) {
            return RegistrySnapshot.builder(TODAY).districts(districts).institutions(institutions).consortia(consortia)
                    .practitioners(practitioners).dispatches(dispatches).workLogs(workLogs).agreements(agreements)
                    .studyPeriods(studyPeriods).grids(grids).packJurisdictions(packs).build();
        }
    }

    public static City build(Random rnd) {
        City c = new City();
        c.districts.add(new DistrictView("310000", "上海市", null, false, 24_870_000));
        for (String d : DISTRICTS) {
            c.districts.add(new DistrictView(d, "区" + d, "310000", false, 1_000_000));
            for (int g = 0; g < 4; g++) {
                c.grids.add(new GridView(GridId.random(), d + "-G" + g, "网格" + d + g, d, List.of(), 240_000 + rnd.nextInt(20_000)));
            }
        }
        InstitutionCategory[] cats = InstitutionCategory.values();
        for (int i = 0; i < 3000; i++) {
            String d = DISTRICTS[rnd.nextInt(DISTRICTS.length)];
            InstitutionCategory cat = i < 80 ? InstitutionCategory.GENERAL_HOSPITAL : cats[rnd.nextInt(cats.length)];
            Affiliation aff = i < 60 ? Affiliation.MUNICIPAL : Affiliation.DISTRICT;
            HospitalLevel level = i < 120 ? HospitalLevel.TERTIARY : cat.isPrimary() ? HospitalLevel.PRIMARY : HospitalLevel.SECONDARY;
            GridId grid = c.grids.get(rnd.nextInt(c.grids.size())).id();
            c.institutions.add(new InstitutionView(InstitutionId.random(), "机构" + i, null, cat, level, HospitalGrade.A, Ownership.PUBLIC,
                    "owner", aff, cat.isTcm(), d, grid, null, i % 37 == 0, null,
                    List.of(new InstitutionView.Campus(DISTRICTS[rnd.nextInt(DISTRICTS.length)], "分院", rnd.nextBoolean())),
                    List.of(new InstitutionView.KeySpecialty("心内科", org.medunion.registry.KeySpecialtyLevel.NATIONAL)), 0, Instant.EPOCH));
        }
        ConsortiumForm[] forms = ConsortiumForm.values();
        for (int k = 0; k < 300; k++) {
            var id = ConsortiumId.random();
            String d = DISTRICTS[k % DISTRICTS.length];
            ConsortiumForm form = forms[k % forms.length];
            List<MembershipView> ms = new ArrayList<>();
            Set<InstitutionId> used = new HashSet<>();
            for (int m = 0; m < 12; m++) {
                InstitutionView i = m == 1 ? c.institutions.get(rnd.nextInt(60)) : c.institutions.get(60 + rnd.nextInt(2940));
                if (!used.add(i.id())) {
                    continue;
                }
                MembershipRole role = m == 0 ? MembershipRole.LEAD : m == 1 ? MembershipRole.TECHNICAL_SUPPORT : MembershipRole.MEMBER;
                ms.add(new MembershipView(UUID.randomUUID(), id, i.id(), role, MembershipBasis.values()[rnd.nextInt(5)],
                        TODAY.minusYears(2), null, m == 0 ? "心内科" : null, null));
            }
            List<GridId> gridIds = List.of(c.grids.get(rnd.nextInt(c.grids.size())).id());
            c.consortia.add(new ConsortiumView(id, "医联体" + k, form, k % 3 == 0, GovernanceType.values()[k % 3], d, gridIds, true,
                    TODAY.minusYears(2), null, k % 50 == 0, null, k % 2 == 0, k % 3 == 0, List.of("HR", "FINANCE", "IT", "IMAGING"), ms,
                    0, null));
            var a = new AgreementView(UUID.randomUUID(), id, k % 2 == 0 ? AgreementType.TRUSTEESHIP : AgreementType.COOPERATION, "协议",
                    List.of(), TODAY.minusYears(1), TODAY.plusYears(1), TODAY.minusYears(1), "r", "r", "b", k % 4 == 0 ? null : "s");
            c.agreements.add(a);
            c.agreements.add(new AgreementView(UUID.randomUUID(), id, AgreementType.CHARTER, "章程", List.of(), TODAY.minusYears(1), null,
                    TODAY.minusYears(1), "r", "r", "b", "s"));
        }
        Title[] titles = Title.values();
        for (int p = 0; p < 20_000; p++) {
            InstitutionView at = c.institutions.get(rnd.nextInt(c.institutions.size()));
            var pr = new PractitionerView(PractitionerId.random(), "医生" + p, at.id(), p % 5 == 0 ? Profession.NURSE : Profession.PHYSICIAN,
                    titles[rnd.nextInt(titles.length)], TODAY.minusDays(rnd.nextInt(4000)), "内科", p % 7 == 0, p % 11 == 0, 0, null);
            c.practitioners.add(pr);
            if (pr.generalPractitioner() && rnd.nextBoolean()) {
                LocalDate start = TODAY.minusDays(rnd.nextInt(900));
                c.studyPeriods.add(new StudyPeriodView(UUID.randomUUID(), pr.id(), null, start, start.plusDays(20 + rnd.nextInt(90))));
            }
        }
        for (int k = 0; k < 2000; k++) {
            ConsortiumView cons = c.consortia.get(rnd.nextInt(c.consortia.size()));
            PractitionerView pr = c.practitioners.get(rnd.nextInt(c.practitioners.size()));
            InstitutionId to = cons.members().get(0).institutionId();
            boolean manager = k % 10 == 0;
            var d = new DispatchView(UUID.randomUUID(), cons.id(), pr.id(), pr.institutionId(), to,
                    manager ? DispatchKind.MANAGER : DispatchKind.EXPERT, manager ? ManagerRole.values()[k % 4] : null, "学科" + (k % 9),
                    TODAY.minusDays(rnd.nextInt(300)), TODAY.plusDays(rnd.nextInt(500)), 1 + rnd.nextInt(4), null, null);
            c.dispatches.add(d);
            for (int w = 0; w < 16; w++) {
                c.workLogs.add(new WorkLogView(UUID.randomUUID(), d.id(), TODAY.minusDays(w * 3L), 8, null));
            }
        }
        return c;
    }
}
