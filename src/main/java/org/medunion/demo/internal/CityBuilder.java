package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.LogWork;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.TargetArea;
import org.medunion.registry.Title;

/**
 * The generator's workbench: stable IDs, valid credit codes, staff, and the registry commands, emitted
 * straight into the {@link CitySink}. One instance per generation run; not thread-safe.
 */
final class CityBuilder {

    record Inst(InstitutionId id, String name, InstitutionCategory category, String districtCode) {
    }

    /**
     * Full weeks of work logs (plus the current week up to today) for the experts that log: SH-9 reads the
     * days a week over the last 8 weeks, and the planned days for experts without logs — so only a few
     * experts log, to keep the load fast.
     */
    static final int EXPERT_LOG_WEEKS = 8;

    final long seed;
    final SplittableRandom random;
    final LocalDate today;
    final CitySink sink;
    private final Map<String, Integer> counters = new HashMap<>();
    private final Map<String, Inst> keyedInstitutions = new LinkedHashMap<>();
    private final Map<String, UUID> keyedConsortia = new LinkedHashMap<>();
    private final int orgCodeBase;
    int institutions;
    int consortia;
    int practitioners;

    CityBuilder(long seed, LocalDate today, CitySink sink) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.today = today;
        this.sink = sink;
        this.orgCodeBase = new SplittableRandom(seed ^ 0x5DEECE66DL).nextInt(100_000, 400_000);
    }

    /** {@code UUID.nameUUIDFromBytes("medunion-demo:<seed>:<kind>:<n>")}: the same seed gives the same IDs. */
    UUID id(String kind) {
        int n = counters.merge(kind, 1, Integer::sum);
        return UUID.nameUUIDFromBytes(("medunion-demo:" + seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- grids

    GridId grid(String code, String name, String districtCode, List<String> streets, long population) {
        var id = new GridId(id("grid"));
        sink.grid(id.value(), new DrawGrid(code, name, districtCode, streets, population));
        return id;
    }

    // ---------------------------------------------------------------- institutions

    /** A fluent description of one institution; {@link #register()} emits it with its staff. */
    final class InstitutionDraft {

        private final @Nullable String key;
        private final String name;
        private final InstitutionCategory category;
        private final String districtCode;
        private HospitalLevel level = HospitalLevel.UNRATED;
        private HospitalGrade grade = HospitalGrade.UNGRADED;
        private Ownership ownership = Ownership.PUBLIC;
        private @Nullable String ownerBody;
        private Affiliation affiliation = Affiliation.DISTRICT;
        private @Nullable GridId gridId;
        private @Nullable InstitutionId parentId;
        private boolean regionalMedicalCentre;
        private @Nullable String address;
        private final List<InstitutionView.Campus> campuses = new ArrayList<>();
        private final List<InstitutionView.KeySpecialty> keySpecialties = new ArrayList<>();
        private int staffSize = -1;

        InstitutionDraft(@Nullable String key, String name, InstitutionCategory category, String districtCode) {
            this.key = key;
            this.name = name;
            this.category = category;
            this.districtCode = districtCode;
        }

        InstitutionDraft rated(HospitalLevel level, HospitalGrade grade) {
            this.level = level;
            this.grade = grade;
            return this;
        }

        InstitutionDraft owned(Ownership ownership, String ownerBody) {
            this.ownership = ownership;
            this.ownerBody = ownerBody;
            return this;
        }

        InstitutionDraft affiliation(Affiliation affiliation) {
            this.affiliation = affiliation;
            return this;
        }

        InstitutionDraft grid(@Nullable GridId gridId) {
            this.gridId = gridId;
            return this;
        }

        InstitutionDraft partOf(InstitutionId parentId) {
            this.parentId = parentId;
            return this;
        }

        InstitutionDraft regionalMedicalCentre() {
            this.regionalMedicalCentre = true;
            return this;
        }

        InstitutionDraft address(String address) {
            this.address = address;
            return this;
        }

        InstitutionDraft campus(String districtCode, String campusName, boolean planned) {
            campuses.add(new InstitutionView.Campus(districtCode, campusName, planned));
            return this;
        }

        InstitutionDraft keySpecialty(String discipline, KeySpecialtyLevel level) {
            keySpecialties.add(new InstitutionView.KeySpecialty(discipline, level));
            return this;
        }

        InstitutionDraft staff(int size) {
            this.staffSize = size;
            return this;
        }

        Inst register() {
            var id = new InstitutionId(id("institution"));
            String ownerName = ownerBody != null ? ownerBody : defaultOwner();
            sink.institution(id.value(), key, new RegisterInstitution(name, creditCode(ownership, districtCode), category,
                    level, grade, ownership, ownerName, affiliation, category.isTcm(), districtCode, gridId, parentId,
                    regionalMedicalCentre, address != null ? address : name + "院区", List.copyOf(campuses),
                    List.copyOf(keySpecialties)));
            institutions++;
            var inst = new Inst(id, name, category, districtCode);
            if (key != null) {
                keyedInstitutions.put(key, inst);
            }
            new StaffHiring(CityBuilder.this).hire(inst, staffSize >= 0 ? staffSize : defaultStaffSize());
            return inst;
        }

        private String defaultOwner() {
            return switch (affiliation) {
                case MUNICIPAL -> "市卫生健康委员会";
                case DISTRICT -> "区卫生健康委员会";
                case COUNTY -> "县卫生健康局";
                case TOWNSHIP -> "乡镇人民政府";
            };
        }

        private int defaultStaffSize() {
            return switch (category) {
                case GENERAL_HOSPITAL -> level == HospitalLevel.TERTIARY ? 6 : 4;
                case TCM_HOSPITAL, INTEGRATED_HOSPITAL, SPECIALTY_HOSPITAL, MATERNAL_CHILD -> 3;
                case COMMUNITY_HEALTH_CENTRE, TOWNSHIP_HOSPITAL -> 4;
                case PUBLIC_HEALTH, NURSING_HOME, REHAB, HOSPICE -> 2;
                case COMMUNITY_HEALTH_STATION, VILLAGE_CLINIC -> 1;
            };
        }
    }

    InstitutionDraft institution(@Nullable String key, String name, InstitutionCategory category, String districtCode) {
        return new InstitutionDraft(key, name, category, districtCode);
    }

    /** A valid GB 32100 credit code for the next institution (see {@link DemoCodes}). */
    String creditCode(Ownership ownership, String divisionCode) {
        return DemoCodes.creditCode(ownership, divisionCode, orgCodeBase + institutions);
    }

    /** A title date between {@code min} and {@code max} whole years before today. */
    LocalDate years(int min, int max) {
        return today.minusYears(min + random.nextInt(max - min + 1)).minusDays(random.nextInt(300));
    }

    // ---------------------------------------------------------------- practitioners

    PractitionerId practitioner(@Nullable String name, Inst inst, Profession profession, Title title, LocalDate titleDate,
                                String discipline, boolean gp, boolean paediatrician) {
        var id = new PractitionerId(id("practitioner"));
        String fullName = name != null ? name : DemoNames.person(random);
        sink.practitioner(id.value(), new RegisterPractitioner(fullName, inst.id(), profession, title, titleDate,
                discipline, gp, paediatrician));
        practitioners++;
        return id;
    }

    /** 进修 of one to three months at a higher hospital (SH-14); host null = the nearest keyed municipal hospital. */
    void study(PractitionerId practitioner, @Nullable InstitutionId host, LocalDate start) {
        if (host == null) {
            host = studyHost;
            if (host == null) {
                return;
            }
        }
        int months = 1 + random.nextInt(3);
        sink.studyPeriod(practitioner.value(), new RecordStudyPeriod(host, start, start.plusMonths(months)));
    }

    /** Where community GPs and paediatricians study (a municipal teaching hospital). */
    @Nullable
    InstitutionId studyHost;

    // ---------------------------------------------------------------- consortia

    static AddMember member(Inst inst, MembershipRole role, MembershipBasis basis, LocalDate start) {
        return new AddMember(inst.id(), role, basis, start, null, null);
    }

    static AddMember lead(Inst inst, @Nullable String leadDiscipline, LocalDate start) {
        return new AddMember(inst.id(), MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, start, leadDiscipline, null);
    }

    UUID consortium(@Nullable String key, String name, ConsortiumForm form, boolean tight, GovernanceType governance,
                    String districtCode, List<GridId> grids, LocalDate established, boolean crossProvince,
                    @Nullable LocalDate ownerApprovedOn, boolean office, boolean qualityControl, List<String> centres,
                    List<AddMember> members) {
        UUID id = id("consortium");
        sink.consortium(id, key, new FormConsortium(name, form, tight, governance, districtCode, grids, established,
                crossProvince, ownerApprovedOn, office, qualityControl, centres, members, null));
        consortia++;
        if (key != null) {
            keyedConsortia.put(key, id);
        }
        return id;
    }

    /** Charter and cooperation agreement of a consortium, both signed on its establishment. */
    void charterAndCooperation(UUID consortiumId, String name, List<InstitutionId> parties, LocalDate start, int years) {
        charterAndCooperation(consortiumId, name, parties, start, years, true);
    }

    /** As above; {@code targets} false leaves the cooperation agreement without quantified targets (SH-17). */
    void charterAndCooperation(UUID consortiumId, String name, List<InstitutionId> parties, LocalDate start, int years,
                               boolean targets) {
        sink.agreement(id("agreement"), consortiumId, new RecordAgreement(AgreementType.CHARTER, name + "章程", parties,
                start, null, start, "成员单位共同遵守章程，设医联体管理委员会与管理办公室", "成员单位平等参与决策",
                "资源共享、分级诊疗", null, null));
        cooperation(consortiumId, name, parties, start, years, targets);
    }

    UUID cooperation(UUID consortiumId, String name, List<InstitutionId> parties, LocalDate start, int years) {
        return cooperation(consortiumId, name, parties, start, years, true);
    }

    /** A signed cooperation agreement; {@code targets} false leaves out its quantified targets (an SH-17 finding). */
    UUID cooperation(UUID consortiumId, String name, List<InstitutionId> parties, LocalDate start, int years, boolean targets) {
        UUID id = id("agreement");
        LocalDate end = start.plusYears(years).minusDays(1);
        sink.agreement(id, consortiumId, new RecordAgreement(AgreementType.COOPERATION, name + "合作协议", parties, start,
                end, start, "牵头单位提供技术支持、人员培训、双向转诊通道；成员单位落实基层首诊",
                "成员单位享有优先转诊、专家号源、检查检验结果互认", "医疗服务收入按服务提供方归属；远程会诊费按约定分成",
                "业务分成、管理费、转诊收入与成本分担按年度核算", null, targets ? targets(end) : List.of(), null));
        return id;
    }

    /** SH-17: one quantified target per area the seed names (talent, discipline, technique, management), due by {@code end}. */
    private static List<AgreementTarget> targets(LocalDate end) {
        return List.of(new AgreementTarget(TargetArea.TALENT, "带教培养基层骨干医师", BigDecimal.valueOf(20), "人", end),
                new AgreementTarget(TargetArea.DISCIPLINE, "共建特色专科", BigDecimal.valueOf(2), "个", end),
                new AgreementTarget(TargetArea.TECHNOLOGY, "推广适宜技术", BigDecimal.valueOf(5), "项", end),
                new AgreementTarget(TargetArea.MANAGEMENT, "成员单位基层诊疗量占比提高", BigDecimal.valueOf(5), "个百分点", end));
    }

    /** A signed trusteeship agreement with every section SH-6 asks for. */
    UUID trusteeship(UUID consortiumId, String trustee, String trusted, List<InstitutionId> parties, LocalDate start, int years) {
        return trusteeship(consortiumId, trustee, trusted, parties, start, years, true);
    }

    /** As above; {@code duties} false leaves out the dispatched managers' duties (an SH-7 finding). */
    UUID trusteeship(UUID consortiumId, String trustee, String trusted, List<InstitutionId> parties, LocalDate start, int years,
                     boolean duties) {
        UUID id = id("agreement");
        LocalDate end = start.plusYears(years).minusDays(1);
        sink.agreement(id, consortiumId, new RecordAgreement(AgreementType.TRUSTEESHIP, trustee + "托管" + trusted + "协议",
                parties, start, end, start.minusDays(10),
                "托管方派出院长、执行院长及临床专家，负责医疗质量、学科建设与运营管理",
                "托管方享有受托医院经营管理权；区政府保留资产所有权与重大事项决定权",
                "受托医院业务收入增长部分按比例计提管理绩效；利益补偿机制：托管方人员薪酬与派驻补贴由区财政与受托医院共同承担",
                "门诊与住院收入分成、托管管理费、转诊收入分配与成本分担按季度结算",
                duties ? "院长（托管方领导班子成员）主持受托医院全面工作，对医疗质量与安全负总责；执行院长负责日常运营、学科建设与派驻专家管理，"
                        + "每季度向托管双方报告" : null,
                targets(end), null));
        return id;
    }

    // ---------------------------------------------------------------- dispatches

    UUID dispatchManager(UUID consortiumId, PractitionerId who, Inst to, ManagerRole role, LocalDate start, LocalDate end,
                         UUID agreementId) {
        UUID id = id("dispatch");
        sink.dispatch(id, consortiumId, new DispatchStaff(who, to.id(), DispatchKind.MANAGER, role,
                "医院管理", start, end, 5, agreementId, null));
        workLogs(id, 1, 4, "主持院务会、运营管理");
        return id;
    }

    UUID dispatchExpert(UUID consortiumId, PractitionerId who, Inst to, String discipline, LocalDate start, LocalDate end,
                        int weeklyDays, @Nullable UUID agreementId, boolean logs) {
        UUID id = id("dispatch");
        sink.dispatch(id, consortiumId, new DispatchStaff(who, to.id(), DispatchKind.EXPERT, null, discipline, start, end,
                weeklyDays, agreementId, null));
        if (logs) {
            workLogs(id, EXPERT_LOG_WEEKS, weeklyDays, discipline + "门诊、查房与带教");
        }
        return id;
    }

    /**
     * Work logs for the last {@code weeks} full weeks and the current week up to today, {@code days} days a
     * week — so that any window of whole weeks ending today sees {@code days} a week (SH-9).
     */
    void workLogs(UUID dispatchId, int weeks, int days, String note) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks);
        for (int w = 0; w <= weeks; w++) {
            for (int d = 0; d < days; d++) {
                LocalDate day = monday.plusWeeks(w).plusDays(d * (days <= 2 ? 2 : 1));
                if (!day.isAfter(today)) {
                    sink.workLog(dispatchId, new LogWork(day, 8.0, note));
                }
            }
        }
    }

    // ---------------------------------------------------------------- look-ups

    Inst institution(String key) {
        var inst = keyedInstitutions.get(key);
        if (inst == null) {
            throw new IllegalStateException("no demo institution " + key);
        }
        return inst;
    }

    Map<String, Inst> keyedInstitutions() {
        return keyedInstitutions;
    }

    Map<String, UUID> keyedConsortia() {
        return keyedConsortia;
    }
}
