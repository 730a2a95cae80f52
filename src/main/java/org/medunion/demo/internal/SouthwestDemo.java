package org.medunion.demo.internal;

import static org.medunion.demo.internal.CityBuilder.lead;
import static org.medunion.demo.internal.CityBuilder.member;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.medunion.registry.InstitutionId;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.Profession;
import org.medunion.registry.Title;

/**
 * Nanning (450100, pack NN: two tight urban medical groups over 市一/市二-style grids, a county medical
 * community in 宾阳县) and Chongqing (500000, pack CQ: a medical group, a county medical community in
 * 丰都县, a telemedicine network to 城口/丰都, a cross-province telemedicine network from Shanghai, and
 * 沙坪坝区 deliberately without any consortium although it has a secondary public hospital — CQ-2).
 */
final class SouthwestDemo {

    static final String NANNING = "450100";
    static final String XINGNING = "450102", QINGXIU = "450103", JIANGNAN = "450105", XIXIANGTANG = "450107",
            LIANGQING = "450108", YONGNING = "450109", BINYANG = "450126";
    static final String CHONGQING = "500000";
    static final String YUZHONG = "500103", SHAPINGBA = "500106", CHENGKOU = "500229", FENGDU = "500230";
    static final List<String> NANNING_CENTRES = List.of("HR", "FINANCE", "MEDICAL", "NURSING", "LOGISTICS", "PHARMACY",
            "EQUIPMENT", "INSURANCE", "IT", "AUDIT");

    private final CityBuilder b;
    private final Map<String, DistrictView> districts;
    private final LocalDate today;

    SouthwestDemo(CityBuilder builder, Map<String, DistrictView> districts) {
        this.b = builder;
        this.districts = districts;
        this.today = builder.today;
    }

    void generate() {
        nanning();
        chongqing();
        b.sink.flush();
    }

    private DistrictView district(String code) {
        var d = districts.get(code);
        if (d == null) {
            throw new IllegalStateException("GB/T 2260 district " + code + " is not in the registry");
        }
        return d;
    }

    // --------------------------------------------------------------------------------------------- Nanning

    private void nanning() {
        Inst m1 = b.institution("nn.m1", "南宁市第十一人民医院", InstitutionCategory.GENERAL_HOSPITAL, QINGXIU)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).affiliation(Affiliation.MUNICIPAL).owned(Ownership.PUBLIC, "南宁市卫生健康委员会")
                .register();
        Inst m2 = b.institution("nn.m2", "南宁市第十二人民医院", InstitutionCategory.GENERAL_HOSPITAL, JIANGNAN)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).affiliation(Affiliation.MUNICIPAL).owned(Ownership.PUBLIC, "南宁市卫生健康委员会")
                .register();
        b.studyHost = m1.id();
        Inst mch = b.institution("nn.mch", "南宁市第二妇幼保健院", InstitutionCategory.MATERNAL_CHILD, QINGXIU)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.B).affiliation(Affiliation.MUNICIPAL).register();
        Inst cdc = b.institution("nn.cdc", "南宁市第二疾病预防控制中心", InstitutionCategory.PUBLIC_HEALTH, XINGNING)
                .affiliation(Affiliation.MUNICIPAL).register();
        Inst rehab = b.institution("nn.rehab", "南宁市第二康复医院", InstitutionCategory.REHAB, XIXIANGTANG)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(Affiliation.MUNICIPAL).register();

        LocalDate est = today.minusYears(1).minusMonths(3).withDayOfMonth(1);
        // NN-1: 市一 grid = 兴宁, 青秀, 西乡塘; 市二 grid = 江南, 良庆, 邕宁
        List<GridId> grid1 = new ArrayList<>();
        List<GridId> grid2 = new ArrayList<>();
        List<AddMember> group1 = new ArrayList<>(List.of(lead(m1, null, est)));
        List<AddMember> group2 = new ArrayList<>(List.of(lead(m2, null, est)));
        Inst yongning = null;
        for (String code : List.of(XINGNING, QINGXIU, XIXIANGTANG, JIANGNAN, LIANGQING, YONGNING)) {
            var d = district(code);
            boolean first = List.of(XINGNING, QINGXIU, XIXIANGTANG).contains(code);
            GridId grid = b.grid(code + "-G01", d.name() + "网格", code, DemoNames.streets(code, d.name()).subList(0, 4),
                    d.population() > 0 ? d.population() : 300_000L + b.random.nextInt(200_000));
            (first ? grid1 : grid2).add(grid);
            List<AddMember> group = first ? group1 : group2;
            String stem = DemoNames.shortName(d.name());
            for (int i = 1; i <= (code.equals(XINGNING) || code.equals(JIANGNAN) ? 2 : 1); i++) {
                Inst chc = b.institution("nn." + code + ".chc" + i, "南宁市" + d.name() + stem + (i == 1 ? "东" : "西") + "社区卫生服务中心",
                        InstitutionCategory.COMMUNITY_HEALTH_CENTRE, code).rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).grid(grid)
                        .register();
                group.add(member(chc, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
            }
            if (code.equals(XINGNING) || code.equals(YONGNING) || code.equals(LIANGQING)) {
                Inst hospital = b
                        .institution("nn." + code + ".hospital", "南宁市" + d.name() + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, code)
                        .rated(HospitalLevel.SECONDARY, HospitalGrade.A).grid(grid).register();
                group.add(member(hospital, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
                if (code.equals(YONGNING)) {
                    yongning = hospital;
                }
            }
        }
        // NN-2: maternal-child, public health and rehab serve across grids as collaborators of both groups
        for (Inst collaborator : List.of(mch, cdc, rehab)) {
            group1.add(member(collaborator, MembershipRole.COLLABORATOR, MembershipBasis.OTHER, est));
            group2.add(member(collaborator, MembershipRole.COLLABORATOR, MembershipBasis.OTHER, est));
        }
        UUID g1 = b.consortium("nn.group1", "南宁市第十一人民医院紧密型城市医疗集团", ConsortiumForm.URBAN_GROUP, true,
                GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, QINGXIU, grid1, est, false, null, true, true, NANNING_CENTRES, group1);
        b.charterAndCooperation(g1, "南宁市第十一人民医院紧密型城市医疗集团", ids(group1), est, 5);
        // NN-3 finding: the second group has no equipment and audit centres yet
        UUID g2 = b.consortium("nn.group2", "南宁市第十二人民医院紧密型城市医疗集团", ConsortiumForm.URBAN_GROUP, true,
                GovernanceType.TRUSTEESHIP, JIANGNAN, grid2, est, false, null, true, true,
                NANNING_CENTRES.stream().filter(c -> !c.equals("EQUIPMENT") && !c.equals("AUDIT")).toList(), group2);
        b.charterAndCooperation(g2, "南宁市第十二人民医院紧密型城市医疗集团", ids(group2), est, 5);
        trusteeship(g2, m2, Objects.requireNonNull(yongning, "the loop above registers 邕宁's hospital"), est);
        binyangCounty(m1);
    }

    /** NN: the second group's lead hospital runs 邕宁 under a trusteeship, with managers and experts dispatched. */
    private void trusteeship(UUID g2, Inst m2, Inst yongning, LocalDate est) {
        UUID agreement = b.trusteeship(g2, m2.name(), yongning.name(), List.of(m2.id(), yongning.id()), est, 3);
        LocalDate end = est.plusYears(3).minusDays(1);
        b.dispatchManager(g2, b.practitioner(null, m2, Profession.PHYSICIAN, Title.CHIEF, b.years(8, 15), "医院管理", false, false),
                yongning, ManagerRole.PRESIDENT, est, end, agreement);
        b.dispatchManager(g2, b.practitioner(null, m2, Profession.PHYSICIAN, Title.CHIEF, b.years(6, 12), "医院管理", false, false),
                yongning, ManagerRole.EXECUTIVE_PRESIDENT, est, end, agreement);
        for (int i = 0; i < 5; i++) {
            String discipline = DemoNames.DISCIPLINES.get(i + 4);
            var expert = b.practitioner(null, m2, Profession.PHYSICIAN, Title.ASSOCIATE_CHIEF, b.years(2, 10), discipline, false,
                    discipline.equals("儿科"));
            b.dispatchExpert(g2, expert, yongning, discipline, est, end, 2, agreement, false);
        }
    }

    private void shapingbaWithoutConsortium() {
        // CQ-2 violation: 沙坪坝区 has a secondary public hospital and no consortium at all
        var spb = district(SHAPINGBA);
        b.institution("cq.shapingba.hospital", "重庆市" + spb.name() + "第二人民医院", InstitutionCategory.GENERAL_HOSPITAL, SHAPINGBA)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
        b.institution("cq.shapingba.chc", "重庆市" + spb.name() + "磁器口街道社区卫生服务中心", InstitutionCategory.COMMUNITY_HEALTH_CENTRE, SHAPINGBA)
                .rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).register();
    }

    private void binyangCounty(Inst municipalSupport) {
        var d = district(BINYANG);
        LocalDate est = today.minusYears(2).withDayOfMonth(1);
        Inst county = b.institution("nn.binyang.hospital", d.name() + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, BINYANG)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(Affiliation.COUNTY).register();
        Inst countyTcm = b.institution("nn.binyang.tcm", d.name() + "中医医院", InstitutionCategory.TCM_HOSPITAL, BINYANG)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(Affiliation.COUNTY).register();
        b.studyHost = county.id();
        List<AddMember> members = new ArrayList<>(List.of(lead(county, null, est),
                member(countyTcm, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est),
                member(municipalSupport, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.COUNTERPART_SUPPORT, est)));
        String[][] towns = {{"黎塘镇", "中心卫生院"}, {"新桥镇", "卫生院"}, {"古辣镇", "卫生院"}};
        String[][] villages = {{"黎塘镇", "三联村"}, {"黎塘镇", "甘棠村"}, {"新桥镇", "民范村"}, {"古辣镇", "大陆村"}};
        for (String[] town : towns) {
            Inst th = b.institution("nn.binyang." + town[0], d.name() + town[0] + town[1], InstitutionCategory.TOWNSHIP_HOSPITAL, BINYANG)
                    .rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).affiliation(Affiliation.TOWNSHIP)
                    .owned(Ownership.PUBLIC, d.name() + town[0] + "人民政府").register();
            members.add(member(th, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
        }
        for (String[] village : villages) {
            Inst vc = b.institution(null, d.name() + village[0] + village[1] + "卫生室", InstitutionCategory.VILLAGE_CLINIC, BINYANG)
                    .affiliation(Affiliation.TOWNSHIP).owned(Ownership.PUBLIC, village[1] + "村民委员会").register();
            members.add(member(vc, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
        }
        UUID id = b.consortium("nn.binyang.community", d.name() + "紧密型县域医疗卫生共同体", ConsortiumForm.COUNTY_COMMUNITY, true,
                GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, BINYANG, List.of(), est, false, null, true, true,
                List.of("HR", "FINANCE", "MEDICAL", "PHARMACY", "IT"), members);
        b.charterAndCooperation(id, d.name() + "紧密型县域医疗卫生共同体", ids(members), est, 5);
    }

    // --------------------------------------------------------------------------------------------- Chongqing

    private void chongqing() {
        LocalDate est = today.minusYears(3).withDayOfMonth(1);
        Inst m = b.institution("cq.m1", "重庆市第十一人民医院", InstitutionCategory.GENERAL_HOSPITAL, YUZHONG)
                .rated(HospitalLevel.TERTIARY, HospitalGrade.A).affiliation(Affiliation.MUNICIPAL).owned(Ownership.PUBLIC, "重庆市卫生健康委员会")
                .register();
        b.studyHost = m.id();
        var yz = district(YUZHONG);
        Inst yzHospital = b.institution("cq.yuzhong.hospital", "重庆市" + yz.name() + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, YUZHONG)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).register();
        List<AddMember> group = new ArrayList<>(List.of(lead(m, null, est),
                member(yzHospital, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        for (String street : List.of("解放碑", "大坪")) {
            Inst chc = b.institution("cq.yuzhong." + street, "重庆市" + yz.name() + street + "街道社区卫生服务中心",
                    InstitutionCategory.COMMUNITY_HEALTH_CENTRE, YUZHONG).rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).register();
            group.add(member(chc, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
        }
        UUID groupId = b.consortium("cq.group", "重庆市第十一人民医院医疗集团", ConsortiumForm.URBAN_GROUP, false,
                GovernanceType.COOPERATION, YUZHONG, List.of(), est, false, null, true, true, List.of("MEDICAL", "NURSING"), group);
        b.charterAndCooperation(groupId, "重庆市第十一人民医院医疗集团", ids(group), est, 5);

        shapingbaWithoutConsortium();

        // CQ-1 county medical community: county hospital head, township hospitals hub, village clinics base
        var zx = district(FENGDU);
        Inst zxHospital = b.institution("cq.fengdu.hospital", zx.name() + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, FENGDU)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(Affiliation.COUNTY).register();
        b.studyHost = zxHospital.id();
        List<AddMember> community = new ArrayList<>(List.of(lead(zxHospital, null, est)));
        for (String town : List.of("高家镇中心卫生院", "社坛镇卫生院")) {
            Inst th = b.institution(null, zx.name() + town, InstitutionCategory.TOWNSHIP_HOSPITAL, FENGDU)
                    .rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).affiliation(Affiliation.TOWNSHIP).register();
            community.add(member(th, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
        }
        for (String village : List.of("高家镇金刚村", "高家镇关田村", "社坛镇桂花村")) {
            Inst vc = b.institution(null, zx.name() + village + "卫生室", InstitutionCategory.VILLAGE_CLINIC, FENGDU)
                    .affiliation(Affiliation.TOWNSHIP).register();
            community.add(member(vc, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est));
        }
        UUID communityId = b.consortium("cq.fengdu.community", zx.name() + "医共体", ConsortiumForm.COUNTY_COMMUNITY, true,
                GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, FENGDU, List.of(), est, false, null, true, true,
                List.of("HR", "FINANCE", "MEDICAL"), community);
        b.charterAndCooperation(communityId, zx.name() + "医共体", ids(community), est, 5);

        // CQ-1 telemedicine collaboration network to the remote counties 城口 and 丰都
        Inst chengkou = b
                .institution("cq.chengkou.hospital", district(CHENGKOU).name() + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, CHENGKOU)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.B).affiliation(Affiliation.COUNTY).register();
        List<AddMember> tele = List.of(lead(m, null, est),
                member(chengkou, MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est),
                member(zxHospital, MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, est));
        UUID teleId = b.consortium("cq.telemedicine", "重庆市第十一人民医院远程医疗协作网", ConsortiumForm.TELEMEDICINE_NETWORK, false,
                GovernanceType.COOPERATION, YUZHONG, List.of(), est, false, null, true, true, List.of("IT"), tele);
        b.charterAndCooperation(teleId, "重庆市第十一人民医院远程医疗协作网", ids(tele), est, 5);

        // SH-11: cross-province telemedicine network from Shanghai, approved by the owner before activation
        Inst onco = b.institution("sh.onco2");
        LocalDate crossEst = today.minusMonths(8).withDayOfMonth(1);
        List<AddMember> cross = List.of(lead(onco, "肿瘤科", crossEst),
                member(chengkou, MembershipRole.MEMBER, MembershipBasis.COUNTERPART_SUPPORT, crossEst));
        UUID crossId = b.consortium("sh.cross-province", "上海市第二肿瘤医院—城口县远程医疗协作网", ConsortiumForm.TELEMEDICINE_NETWORK, false,
                GovernanceType.COOPERATION, onco.districtCode(), List.of(), crossEst, true, crossEst.minusDays(20), true, true,
                List.of("IT"), cross);
        b.charterAndCooperation(crossId, "上海市第二肿瘤医院—城口县远程医疗协作网", ids(cross), crossEst, 3);
    }

    private static List<InstitutionId> ids(List<AddMember> members) {
        return members.stream().map(AddMember::institutionId).toList();
    }
}
