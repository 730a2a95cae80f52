package org.medunion.demo.internal;

import static org.medunion.demo.internal.CityBuilder.lead;
import static org.medunion.demo.internal.CityBuilder.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;

/**
 * The {@code district} scale on top of the demo city: for every district, two rounds of about 45 more
 * institutions with about 440 practitioners and four or five consortia each, emitted round by round so the sink
 * can write and forget each chunk (quality.md: generated in streams, never held in memory). These
 * consortia have no municipal hospitals and no trusteeships, so they add no SH-3/SH-4/SH-7…SH-9 findings;
 * warn-level gaps remain (e.g. CN-5: the TCM alliances have no stationed experts).
 */
final class DistrictFill {

    private final CityBuilder b;

    DistrictFill(CityBuilder builder) {
        this.b = builder;
    }

    private static final String[] ORDINALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /**
     * One round of institutions and consortia for a district; rounds differ in names and grid codes.
     *
     * @param index running number of the (district, round) pair, varies establishment dates and forms
     */
    void fill(DistrictView d, int index, int round) {
        String code = d.code();
        String r = round == 0 ? "" : ORDINALS[round] + "片";
        String n = d.name();
        String area = n + "第" + ORDINALS[round] + "片区"; // consortium names are unique in the registry
        boolean county = d.county();
        LocalDate est = b.today.minusYears(1 + index % 4).withDayOfMonth(1);
        List<String> streets = DemoNames.streets(code, n);
        List<GridId> grids = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            grids.add(b.grid(code + "-F" + round + (g + 1), DemoNames.shortName(n) + r + "第" + ORDINALS[g] + "片区网格", code,
                    streets.subList(g * 3 % streets.size(), Math.min(streets.size(), g * 3 % streets.size() + 3)),
                    50_000L + b.random.nextInt(150_000)));
        }
        Affiliation local = county ? Affiliation.COUNTY : Affiliation.DISTRICT;
        Inst h1 = b.institution(null, n + "第" + ORDINALS[2 + 2 * round] + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, code)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(local).grid(grids.get(0)).staff(60).register();
        Inst h2 = b.institution(null, n + "第" + ORDINALS[3 + 2 * round] + "人民医院", InstitutionCategory.GENERAL_HOSPITAL, code)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.B).affiliation(local).grid(grids.get(2)).staff(45).register();
        Inst tcm = b.institution(null, n + "第" + ORDINALS[1 + round] + "中医医院", InstitutionCategory.TCM_HOSPITAL, code)
                .rated(HospitalLevel.SECONDARY, HospitalGrade.A).affiliation(local)
                .keySpecialty("中医内科", KeySpecialtyLevel.TCM_ADVANTAGE).staff(30).register();
        b.institution(null, n + r + "妇幼保健院", InstitutionCategory.MATERNAL_CHILD, code).rated(HospitalLevel.SECONDARY, HospitalGrade.B)
                .affiliation(local).staff(15).register();
        b.institution(null, n + r + "卫生监督与疾病预防控制所", InstitutionCategory.PUBLIC_HEALTH, code).affiliation(local).staff(10).register();
        for (int i = 1; i <= 2; i++) {
            b.institution(null, n + r + (i == 1 ? "仁和" : "康华") + "医院", InstitutionCategory.GENERAL_HOSPITAL, code)
                    .rated(HospitalLevel.PRIMARY, HospitalGrade.A).owned(Ownership.PRIVATE, "民营").staff(20).register();
        }
        b.studyHost = h1.id();
        List<Inst> primary = new ArrayList<>();
        List<Inst> outposts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String stem = DemoNames.streetStem(streets.get(i % streets.size())) + (i >= streets.size() ? "第二" : "");
            primary.add(b.institution(null, n + r + stem + (county ? "卫生院" : "社区卫生服务中心分中心"),
                    county ? InstitutionCategory.TOWNSHIP_HOSPITAL : InstitutionCategory.COMMUNITY_HEALTH_CENTRE, code)
                    .rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).affiliation(county ? Affiliation.TOWNSHIP : local)
                    .grid(grids.get(i % 3)).staff(12).register());
        }
        for (int i = 0; i < 20; i++) {
            String stem = DemoNames.streetStem(streets.get(i % streets.size()));
            outposts.add(b.institution(null, n + r + stem + (county ? "第" + (i + 1) + "村卫生室" : "第" + (i + 1) + "社区卫生服务站"),
                    county ? InstitutionCategory.VILLAGE_CLINIC : InstitutionCategory.COMMUNITY_HEALTH_STATION, code)
                    .rated(HospitalLevel.PRIMARY, HospitalGrade.UNGRADED).affiliation(county ? Affiliation.TOWNSHIP : local)
                    .grid(grids.get(i % 3)).staff(3).register());
        }
        List<Inst> care = continuingCare(n, r, code);
        ConsortiumForm areaForm = county ? ConsortiumForm.COUNTY_COMMUNITY : ConsortiumForm.REGIONAL;
        String areaSuffix = county ? "医共体" : "区域医疗联合体";
        area(area + "第一" + areaSuffix, areaForm, code, List.of(grids.get(0), grids.get(1)), est, h1,
                primary.subList(0, 8), outposts.subList(0, 13), care.subList(0, 3));
        area(area + "第二" + areaSuffix, areaForm, code, List.of(grids.get(2)), est, h2,
                primary.subList(8, 12), outposts.subList(13, 20), care.subList(3, care.size()));
        alliances(area, code, est, index, new Inst[] {tcm, h1, h2}, primary, outposts, grids);
        b.sink.flush();
    }

    /** Nursing homes, rehab hospitals and a hospice ward: the continuing-care members of the area consortia. */
    private List<Inst> continuingCare(String n, String r, String code) {
        List<Inst> care = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            care.add(
                    b.institution(null, n + r + "第" + ORDINALS[i - 1] + "护理院", InstitutionCategory.NURSING_HOME, code).staff(4).register());
        }
        for (int i = 1; i <= 2; i++) {
            care.add(b.institution(null, n + r + "第" + ORDINALS[i - 1] + "康复医院", InstitutionCategory.REHAB, code).staff(5).register());
        }
        care.add(b.institution(null, n + r + "安宁疗护病区", InstitutionCategory.HOSPICE, code).staff(5).register());

        return care;
    }

    /** The specialty alliance, the telemedicine network and, every other district, an urban medical group. */
    private void alliances(String area, String code, LocalDate est, int index, Inst[] hospitals, List<Inst> primary,
                           List<Inst> outposts, List<GridId> grids) {
        Inst tcm = hospitals[0];
        Inst h1 = hospitals[1];
        Inst h2 = hospitals[2];
        List<AddMember> alliance = new ArrayList<>(List.of(lead(tcm, "中医内科", est)));
        primary.subList(0, 4).forEach(p -> alliance.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        consortium(area + "中医专科联盟", ConsortiumForm.SPECIALTY_ALLIANCE, code, List.of(), est, alliance);
        List<AddMember> tele = new ArrayList<>(List.of(lead(h1, null, est)));
        outposts.subList(0, 6).forEach(p -> tele.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        consortium(area + "远程医疗协作网", ConsortiumForm.TELEMEDICINE_NETWORK, code, List.of(), est, tele);
        if (index % 2 == 0) {
            List<AddMember> group = new ArrayList<>(List.of(lead(h2, null, est)));
            primary.subList(4, 8).forEach(p -> group.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
            consortium(area + "城市医疗集团", ConsortiumForm.URBAN_GROUP, code, List.of(grids.get(1)), est, group);
        }
    }

    private void area(String name, ConsortiumForm form, String code, List<GridId> grids, LocalDate est, Inst lead,
                      List<Inst> primary, List<Inst> outposts, List<Inst> care) {
        List<AddMember> members = new ArrayList<>(List.of(lead(lead, null, est)));
        for (List<Inst> group : List.of(primary, outposts, care)) {
            group.forEach(p -> members.add(member(p, MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est)));
        }
        consortium(name, form, code, grids, est, members);
    }

    private void consortium(String name, ConsortiumForm form, String code, List<GridId> grids, LocalDate est, List<AddMember> members) {
        UUID id = b.consortium(null, name, form, form == ConsortiumForm.COUNTY_COMMUNITY, GovernanceType.COOPERATION, code, grids,
                est, false, null, true, true, List.of("MEDICAL", "NURSING", "PHARMACY"), members);
        b.charterAndCooperation(id, name, members.stream().map(AddMember::institutionId).toList(), est, 3);
    }
}
