package org.medunion.demo.internal;

import static org.medunion.demo.internal.CityBuilder.lead;
import static org.medunion.demo.internal.CityBuilder.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.medunion.demo.internal.CityBuilder.Inst;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.Title;

/**
 * Shanghai (310000), pack SH: every district with a regional medical centre and a regional consortium,
 * municipal hospitals as technical support, four trusteeships and the deliberate violations listed in
 * docs/demo-city.md (SH-3 普陀, SH-4 第十一人民医院, SH-5 青浦, SH-7 普陀, SH-8 闵行, SH-9 奉贤,
 * SH-14 普陀, SH-16 嘉定).
 */
final class ShanghaiDemo {

    static final String CITY = "310000";
    static final String HUANGPU = "310101", XUHUI = "310104", CHANGNING = "310105", JINGAN = "310106", PUTUO = "310107",
            HONGKOU = "310109", YANGPU = "310110", MINHANG = "310112", BAOSHAN = "310113", JIADING = "310114",
            PUDONG = "310115", JINSHAN = "310116", SONGJIANG = "310117", QINGPU = "310118", FENGXIAN = "310120",
            CHONGMING = "310151";
    /** Districts with two or three community centres; the others get one. */
    static final List<String> DETAILED = List.of(CHANGNING, PUTUO, XUHUI, JINGAN, YANGPU, MINHANG, JIADING, PUDONG);
    /** Districts with three grids and a community health station. */
    static final List<String> GRIDDED = List.of(CHANGNING, PUTUO, XUHUI, PUDONG, MINHANG);
    static final String SHENKANG = "上海申康医院发展中心";

    private final CityBuilder b;
    private final Map<String, DistrictView> districts;
    private final LocalDate today;
    private final Map<String, Inst> centres = new LinkedHashMap<>();
    private final Map<String, List<Inst>> primary = new HashMap<>();
    private final Map<String, List<Inst>> continuing = new HashMap<>();
    private final Map<String, List<GridId>> grids = new HashMap<>();

    ShanghaiDemo(CityBuilder builder, Map<String, DistrictView> districts) {
        this.b = builder;
        this.districts = districts;
        this.today = builder.today;
    }

    void generate() {
        municipalHospitals();
        for (DistrictView d : shanghaiDistricts()) {
            districtInstitutions(d);
        }
        regionalConsortia();
        trusteeships();
        specialtyAlliancesAndTelemedicine();
        changningUrbanGroup();
        b.sink.flush();
    }

    /**
     * Issue 13: a tight urban medical group in 长宁 so that the national checklist (NAT-1…15, tight urban groups only) is
     * judged on 310105 from data. Led by the district's regional medical centre (SH-2), over the western grid, with the
     * community centres other than the gp's (whose referrals and consultations keep their regional consortium), charter
     * and cooperation agreement with targets. No random draws: the rest of the city stays as it was.
     */
    private void changningUrbanGroup() {
        LocalDate est = today.minusYears(1).withDayOfMonth(1);
        List<AddMember> members = new ArrayList<>(List.of(lead(at(centres, CHANGNING), null, est)));
        at(primary, CHANGNING).stream().skip(1)
                .forEach(p -> members.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        String name = "长宁区紧密型城市医疗集团";
        UUID id = b.consortium("sh.310105.urban", name, ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE,
                CHANGNING, List.of(at(grids, CHANGNING).get(2)), est, false, null, true, true,
                List.of("MEDICAL", "NURSING", "PHARMACY", "IT"), members);
        b.charterAndCooperation(id, name, members.stream().map(AddMember::institutionId).toList(), est, 3);
    }

    private List<DistrictView> shanghaiDistricts() {
        return List.of(HUANGPU, XUHUI, CHANGNING, JINGAN, PUTUO, HONGKOU, YANGPU, MINHANG, BAOSHAN, JIADING, PUDONG,
                JINSHAN, SONGJIANG, QINGPU, FENGXIAN, CHONGMING).stream().map(this::district).toList();
    }

    private DistrictView district(String code) {
        var d = districts.get(code);
        if (d == null) {
            throw new IllegalStateException("GB/T 2260 district " + code + " is not in the registry");
        }
        return d;
    }

    // ------------------------------------------------------------------------------------------------ institutions

    private void municipalHospitals() {
        municipal("sh.m11", "上海市第十一人民医院", JINGAN).campus(CHANGNING, "长宁分院", false).campus(JIADING, "嘉定院区（规划）", true)
                .keySpecialty("心血管内科", KeySpecialtyLevel.NATIONAL).register();
        b.studyHost = b.institution("sh.m11").id();
        municipal("sh.m12", "上海市第十二人民医院", XUHUI).keySpecialty("消化内科", KeySpecialtyLevel.MUNICIPAL).register();
        municipal("sh.m13", "上海市第十三人民医院", YANGPU).campus(PUTUO, "普陀院区", false)
                .keySpecialty("骨科", KeySpecialtyLevel.MUNICIPAL).register();
        municipal("sh.m14", "上海市第十四人民医院", MINHANG).campus(SONGJIANG, "松江院区", false)
                .keySpecialty("神经内科", KeySpecialtyLevel.MUNICIPAL).register();
        municipal("sh.m15", "上海市第十五人民医院", PUDONG).campus(FENGXIAN, "奉贤院区", false)
                .keySpecialty("呼吸与危重症医学科", KeySpecialtyLevel.NATIONAL).register();
        municipal("sh.m16", "上海市第十六人民医院", HUANGPU).owned(Ownership.PUBLIC, "上海东海医科大学")
                .keySpecialty("普通外科", KeySpecialtyLevel.MUNICIPAL).register();
        b.institution("sh.tcm3", "上海市第三中医医院", InstitutionCategory.TCM_HOSPITAL, HUANGPU)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).owned(Ownership.PUBLIC, SHENKANG).affiliation(Affiliation.MUNICIPAL)
                .keySpecialty("中医骨伤科", KeySpecialtyLevel.TCM_ADVANTAGE).register();
        b.institution("sh.int2", "上海市第二中西医结合医院", InstitutionCategory.INTEGRATED_HOSPITAL, HONGKOU)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).owned(Ownership.PUBLIC, SHENKANG).affiliation(Affiliation.MUNICIPAL)
                .register();
        b.institution("sh.child2", "上海市第二儿童医学中心", InstitutionCategory.SPECIALTY_HOSPITAL, PUDONG)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).owned(Ownership.PUBLIC, SHENKANG).affiliation(Affiliation.MUNICIPAL)
                .keySpecialty("儿科", KeySpecialtyLevel.NATIONAL).register();
        b.institution("sh.onco2", "上海市第二肿瘤医院", InstitutionCategory.SPECIALTY_HOSPITAL, XUHUI)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).owned(Ownership.PUBLIC, SHENKANG).affiliation(Affiliation.MUNICIPAL)
                .keySpecialty("肿瘤科", KeySpecialtyLevel.NATIONAL).register();
        b.institution("sh.mch2", "上海市第二妇幼保健院", InstitutionCategory.MATERNAL_CHILD, JINGAN)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.B).affiliation(Affiliation.MUNICIPAL).register();
        b.institution("sh.ph2", "上海市第二公共卫生临床中心", InstitutionCategory.PUBLIC_HEALTH, JINSHAN)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).affiliation(Affiliation.MUNICIPAL).register();
    }

    private CityBuilder.InstitutionDraft municipal(String key, String name, String district) {
        return b.institution(key, name, InstitutionCategory.GENERAL_HOSPITAL, district)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).owned(Ownership.PUBLIC, SHENKANG).affiliation(Affiliation.MUNICIPAL)
                .address("上海市" + district(district).name());
    }

    private void districtInstitutions(DistrictView d) {
        String code = d.code();
        String shortName = DemoNames.shortName(d.name());
        String key = "sh." + code;
        List<String> streets = DemoNames.streets(code, d.name());
        List<GridId> districtGrids = new ArrayList<>();
        if (!GRIDDED.contains(code)) {
            // SH-2: a regional consortium covers its district's residents through grids
            districtGrids.add(b.grid(code + "-G01", shortName + "全域网格", code, streets,
                    d.population() > 0 ? d.population() : 500_000L));
        } else {
            String[] zones = {"东部", "中部", "西部"};
            int perGrid = Math.max(1, streets.size() / 3);
            for (int g = 0; g < 3; g++) {
                var gridStreets = streets.subList(g * perGrid, g == 2 ? streets.size() : (g + 1) * perGrid);
                districtGrids.add(b.grid(code + "-G0" + (g + 1), shortName + zones[g] + "网格", code, gridStreets,
                        d.population() > 0 ? d.population() / 3 : 200_000L + b.random.nextInt(100_000)));
            }
        }
        grids.put(code, districtGrids);
        boolean inner = List.of(PUDONG, MINHANG, CHANGNING).contains(code);
        var centre = b.institution(key + ".rmc", "上海市" + d.name() + "区域医疗中心", InstitutionCategory.GENERAL_HOSPITAL, code)
                .rated(inner ? HospitalLevel.TERTIARY : HospitalLevel.SECONDARY, inner ? HospitalGrade.B : HospitalGrade.A)
                .owned(Ownership.PUBLIC, d.name() + "卫生健康委员会").regionalMedicalCentre()
                .grid(districtGrids.get(districtGrids.size() > 1 ? 1 : 0)).address("上海市" + d.name()).register();
        centres.put(code, centre);

        List<Inst> primaryHere = new ArrayList<>();
        int centresHere = DETAILED.contains(code) ? (code.equals(CHANGNING) || code.equals(PUTUO) ? 3 : 2) : 1;
        for (int i = 0; i < centresHere; i++) {
            String street = streets.get(i * 2 % streets.size());
            GridId grid = districtGrids.isEmpty() ? null : districtGrids.get(i % districtGrids.size());
            primaryHere.add(b.institution(key + ".chc" + (i + 1), d.name() + DemoNames.streetStem(street) + "社区卫生服务中心",
                    InstitutionCategory.COMMUNITY_HEALTH_CENTRE, code).rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED)
                    .owned(Ownership.PUBLIC, d.name() + "卫生健康委员会").grid(grid).address("上海市" + d.name() + street).register());
        }
        if (GRIDDED.contains(code)) {
            String street = streets.get(1 % streets.size());
            primaryHere.add(b.institution(key + ".station1", d.name() + DemoNames.streetStem(street) + "社区卫生服务站",
                    InstitutionCategory.COMMUNITY_HEALTH_STATION, code).rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED)
                    .grid(districtGrids.isEmpty() ? null : districtGrids.get(0)).register());
        }
        primary.put(code, primaryHere);
        continuing.put(code, continuingCare(d, key));
    }

    /** Nursing homes, rehab, hospice, district TCM, maternal-child, public health and mental health, where the demo has them. */
    private List<Inst> continuingCare(DistrictView d, String key) {
        String code = d.code();
        String n = d.name();
        List<Inst> list = new ArrayList<>();
        switch (code) {
            case CHANGNING -> {
                list.add(b.institution(key + ".nursing", n + "颐康护理院", InstitutionCategory.NURSING_HOME, code).register());
                list.add(b.institution(key + ".hospice", n + "安宁疗护中心", InstitutionCategory.HOSPICE, code)
                        .keySpecialty("安宁疗护", KeySpecialtyLevel.DISTRICT).register());
                list.add(b.institution(key + ".rehab", n + "康复医院", InstitutionCategory.REHAB, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.B).register());
                b.institution(key + ".tcm", n + "中医医院", InstitutionCategory.TCM_HOSPITAL, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A)
                        .keySpecialty("针灸推拿科", KeySpecialtyLevel.TCM_ADVANTAGE).register();
                b.institution(key + ".mch", n + "妇幼保健院", InstitutionCategory.MATERNAL_CHILD, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
                b.institution(key + ".cdc", n + "疾病预防控制中心", InstitutionCategory.PUBLIC_HEALTH, code).register();
                b.institution(key + ".mental", n + "精神卫生中心", InstitutionCategory.SPECIALTY_HOSPITAL, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
            }
            case PUTUO -> {
                list.add(b.institution(key + ".nursing", n + "长寿护理院", InstitutionCategory.NURSING_HOME, code)
                        .owned(Ownership.PRIVATE, "民办非企业").register());
                b.institution(key + ".tcm", n + "中医医院", InstitutionCategory.TCM_HOSPITAL, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
            }
            case PUDONG -> {
                list.add(b.institution(key + ".nursing", n + "东方护理院", InstitutionCategory.NURSING_HOME, code)
                        .owned(Ownership.PRIVATE, "民办非企业").register());
                list.add(b.institution(key + ".hospice", n + "安宁疗护中心", InstitutionCategory.HOSPICE, code).register());
                b.institution(key + ".tcm", n + "中医医院", InstitutionCategory.TCM_HOSPITAL, code)
                        .rated(HospitalLevel.TERTIARY, HospitalGrade.B).register();
                b.institution(key + ".mch", n + "妇幼保健院", InstitutionCategory.MATERNAL_CHILD, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
                b.institution(key + ".cdc", n + "疾病预防控制中心", InstitutionCategory.PUBLIC_HEALTH, code).register();
            }
            case MINHANG -> list.add(b.institution(key + ".nursing", n + "康乐护理院", InstitutionCategory.NURSING_HOME, code)
                    .owned(Ownership.ENTERPRISE, "上海康乐养老产业有限公司").register());
            case XUHUI, JIADING, BAOSHAN -> list.add(b.institution(key + ".rehab", n + "康复医院", InstitutionCategory.REHAB, code)
                    .rated(HospitalLevel.SECONDARY, HospitalGrade.B).register());
            case HUANGPU -> list.add(b.institution(key + ".nursing", n + "老年护理院", InstitutionCategory.NURSING_HOME, code).register());
            default -> {
            }
        }
        return list;
    }

    // ------------------------------------------------------------------------------------------------ consortia

    private final Map<String, UUID> regional = new HashMap<>();

    private void regionalConsortia() {
        var trusteeDistricts = List.of(CHANGNING, PUTUO, MINHANG, FENGXIAN);
        ShanghaiTechnicalSupport.byDistrict().forEach((code, supporters) -> {
            var d = district(code);
            LocalDate established = today.minusYears(2).minusDays(b.random.nextInt(200)).withDayOfMonth(1);
            List<AddMember> members = new ArrayList<>();
            Inst centre = at(centres, code);
            members.add(lead(centre, null, established));
            at(primary, code).forEach(p -> members.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, established)));
            at(continuing, code).forEach(p -> members.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, established)));
            for (ShanghaiTechnicalSupport.Support s : supporters) {
                members.add(member(b.institution(s.key()), MembershipRole.TECHNICAL_SUPPORT, s.basis(), established));
            }
            boolean violatesSh16 = code.equals(JIADING);
            String name = d.name() + "区域医疗联合体";
            UUID id = b.consortium("sh." + code + ".regional", name, ConsortiumForm.REGIONAL, false,
                    trusteeDistricts.contains(code) ? GovernanceType.TRUSTEESHIP : GovernanceType.COOPERATION, code, at(grids, code),
                    established, false, null, true, !violatesSh16,
                    code.equals(CHANGNING) ? List.of("MEDICAL", "NURSING", "PHARMACY", "IT", "IMAGING", "PRESCRIPTION_REVIEW")
                            : List.of("MEDICAL", "NURSING", "PHARMACY"),
                    members);
            regional.put(code, id);
            var parties = members.stream().map(AddMember::institutionId).toList();
            if (violatesSh16) {
                // SH-16 violation: no charter, no quality-control group — only a cooperation agreement
                b.cooperation(id, name, parties, established, 3);
            } else {
                b.charterAndCooperation(id, name, parties, established, 3);
            }
        });
    }

    /** Four trusteeships of district hospitals by municipal hospitals; 长宁 is the compliant one. */
    private void trusteeships() {
        trusteeship(CHANGNING, "sh.m11", 2, 6, false, 2);
        // SH-7 violation: 普陀 gets a president but no executive president
        trusteeship(PUTUO, "sh.m13", 1, 5, false, 2);
        // SH-8 violation: one dispatched physician to 闵行 has held the attending title for 3 years only
        trusteeship(MINHANG, "sh.m14", 2, 5, true, 2);
        // SH-9 violation: only three disciplines in 奉贤, one expert on site one day a week
        trusteeship(FENGXIAN, "sh.m15", 2, 3, false, 1);
        communityGpWithoutStudy();
    }

    private void trusteeship(String code, String trusteeKey, int managers, int experts, boolean juniorAttending, int lastExpertDays) {
        Inst trustee = b.institution(trusteeKey);
        Inst trusted = at(centres, code);
        UUID consortium = at(regional, code);
        LocalDate start = today.minusMonths(14).withDayOfMonth(1);
        LocalDate end = start.plusYears(3).minusDays(1);
        // SH-7 violation too: 普陀's trusteeship agreement does not state the managers' duties
        UUID agreement = b.trusteeship(consortium, trustee.name(), trusted.name(), List.of(trustee.id(), trusted.id()), start, 3,
                !code.equals(PUTUO));
        var president = b.practitioner(null, trustee, Profession.PHYSICIAN, Title.CHIEF, b.years(8, 15), "医院管理", false, false);
        b.dispatchManager(consortium, president, trusted, ManagerRole.PRESIDENT, start, end, agreement);
        if (managers >= 2) {
            var executive = b.practitioner(null, trustee, Profession.PHYSICIAN, Title.CHIEF, b.years(6, 12), "医院管理", false, false);
            b.dispatchManager(consortium, executive, trusted, ManagerRole.EXECUTIVE_PRESIDENT, start, end, agreement);
        }
        for (int i = 0; i < experts; i++) {
            String discipline = DemoNames.DISCIPLINES.get((Integer.parseInt(code.substring(4)) + i) % 9);
            Title title = i % 2 == 0 ? Title.ASSOCIATE_CHIEF : Title.ATTENDING;
            LocalDate titleDate = title == Title.ATTENDING ? b.years(6, 12) : b.years(2, 10);
            String name = null;
            if (juniorAttending && i == 1) {
                title = Title.ATTENDING;
                titleDate = today.minusYears(3);
                name = "周晓峰";
            }
            PractitionerId expert = b.practitioner(name, trustee, Profession.PHYSICIAN, title, titleDate, discipline, false,
                    discipline.equals("儿科"));
            int days = i == experts - 1 ? lastExpertDays : 2 + i % 2;
            // 长宁's experts and the one-day expert log their days; the others count with their planned days
            boolean logs = code.equals(CHANGNING) || days < 2;
            b.dispatchExpert(consortium, expert, trusted, discipline, start.plusMonths(i % 2), end, days, agreement, logs);
        }
    }

    /** SH-14 violation: a 普陀 community GP whose last study period ended 30 months ago. */
    private void communityGpWithoutStudy() {
        Inst chc = b.institution("sh." + PUTUO + ".chc1");
        var gp = b.practitioner("王建国", chc, Profession.PHYSICIAN, Title.ATTENDING, b.years(5, 10), "全科医学科", true, false);
        b.study(gp, b.institution("sh.m13").id(), today.minusMonths(32));
    }

    private void specialtyAlliancesAndTelemedicine() {
        LocalDate est = today.minusYears(1).withDayOfMonth(1);
        // CN-4 hospice and CN-5 TCM consortia of 长宁 (specialty alliances led by district institutions)
        Inst hospice = b.institution("sh." + CHANGNING + ".hospice");
        List<AddMember> hospiceMembers = new ArrayList<>(List.of(lead(hospice, "安宁疗护", est)));
        at(primary, CHANGNING).stream().filter(i -> i.category() == InstitutionCategory.COMMUNITY_HEALTH_CENTRE)
                .forEach(i -> hospiceMembers.add(member(i, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        // SH-17 violation: the hospice alliance's cooperation agreement sets no quantified targets
        alliance("sh.changning.hospice", "长宁区安宁疗护专病联盟", CHANGNING, est, hospiceMembers, false);
        Inst tcm = b.institution("sh." + CHANGNING + ".tcm");
        List<AddMember> tcmMembers = new ArrayList<>(List.of(lead(tcm, "针灸推拿科", est)));
        at(primary, CHANGNING).forEach(i -> tcmMembers.add(member(i, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        UUID tcmAlliance = alliance("sh.changning.tcm", "长宁区中医专科联盟", CHANGNING, est, tcmMembers);
        // CN-5: TCM experts stationed in the community centres
        tcmExperts(tcmAlliance, tcm, at(primary, CHANGNING).subList(0, 2), est, "针灸推拿科", "中医内科");

        // SH-13: municipal key specialties radiating to the outer suburbs
        Inst child = b.institution("sh.child2");
        alliance("sh.paediatrics", "上海市儿科专科联盟", PUDONG, est, List.of(lead(child, "儿科", est),
                member(at(centres, JINSHAN), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(at(centres, CHONGMING), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(at(centres, FENGXIAN), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(b.institution("sh.mch2"), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        Inst tcm3 = b.institution("sh.tcm3");
        Inst qingpuChc = at(primary, QINGPU).get(0);
        UUID orthopaedics = alliance("sh.tcm-orthopaedics", "上海市中医骨伤专科联盟", HUANGPU, est, List.of(lead(tcm3, "中医骨伤科", est),
                member(at(centres, QINGPU), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(at(centres, SONGJIANG), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(qingpuChc, MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est)));
        tcmExperts(orthopaedics, tcm3, List.of(qingpuChc), est, "中医骨伤科");

        Inst m15 = b.institution("sh.m15");
        List<AddMember> tele = new ArrayList<>(List.of(lead(m15, "呼吸与危重症医学科", est),
                member(at(centres, CHONGMING), MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est)));
        at(primary, CHONGMING).forEach(i -> tele.add(member(i, MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est)));
        UUID teleId = b.consortium("sh.telemedicine", "上海市第十五人民医院远程医疗协作网", ConsortiumForm.TELEMEDICINE_NETWORK, false,
                GovernanceType.COOPERATION, PUDONG, List.of(), est, false, null, true, true, List.of("IT"), tele);
        b.charterAndCooperation(teleId, "上海市第十五人民医院远程医疗协作网", tele.stream().map(AddMember::institutionId).toList(), est, 3);
    }

    /** A TCM expert of {@code from} stationed two days a week in each of {@code to} (CN-5), on planned days. */
    private void tcmExperts(UUID consortium, Inst from, List<Inst> to, LocalDate est, String... disciplines) {
        for (int i = 0; i < to.size(); i++) {
            String discipline = disciplines[i % disciplines.length];
            var expert = b.practitioner(null, from, Profession.PHYSICIAN, Title.ASSOCIATE_CHIEF, b.years(3, 10), discipline, false, false);
            b.dispatchExpert(consortium, expert, to.get(i), discipline, est, est.plusYears(3).minusDays(1), 2, null, false);
        }
    }

    private UUID alliance(String key, String name, String district, LocalDate est, List<AddMember> members) {
        return alliance(key, name, district, est, members, true);
    }

    private UUID alliance(String key, String name, String district, LocalDate est, List<AddMember> members, boolean targets) {
        UUID id = b.consortium(key, name, ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.COOPERATION, district,
                List.of(), est, false, null, true, true, List.of("MEDICAL"), members);
        b.charterAndCooperation(id, name, members.stream().map(AddMember::institutionId).toList(), est, 3, targets);
        return id;
    }

    /** A district's entry in one of the per-district maps, which the generation filled before this step reads it. */
    private static <T> T at(Map<String, T> byDistrict, String code) {
        return Objects.requireNonNull(byDistrict.get(code), () -> "nothing generated yet for district " + code);
    }

    Map<String, Inst> centres() {
        return centres;
    }
}
