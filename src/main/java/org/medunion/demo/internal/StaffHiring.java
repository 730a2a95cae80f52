package org.medunion.demo.internal;

import java.time.LocalDate;
import java.util.List;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.Profession;
import org.medunion.registry.Title;

/**
 * The staff an institution of the demo city gets by category: GPs, paediatricians, nurses and a pharmacist in
 * community centres (the GPs and paediatricians with an SH-14 study period), specialists in hospitals.
 * Draws from the builder's random source, so the same seed hires the same people.
 */
final class StaffHiring {

    private final CityBuilder city;

    StaffHiring(CityBuilder city) {
        this.city = city;
    }

    void hire(CityBuilder.Inst inst, int size) {
        var category = inst.category();
        for (int i = 0; i < size; i++) {
            switch (category) {
                case COMMUNITY_HEALTH_CENTRE, COMMUNITY_HEALTH_STATION, TOWNSHIP_HOSPITAL -> {
                    // SH-14 study periods for the community centres' GPs and paediatricians
                    boolean studies = true;
                    if (i == 3) {
                        city.practitioner(null, inst, Profession.NURSE, Title.ATTENDING, city.years(3, 12), "全科护理", false, false);
                    } else if (i == 2) {
                        var p = city.practitioner(null, inst, Profession.PHYSICIAN, randomTitle(), city.years(2, 15), "儿科", false, true);
                        if (studies) {
                            city.study(p, null, recentStudyStart());
                        }
                    } else if (i == 4) {
                        city.practitioner(null, inst, Profession.PHARMACIST, Title.ATTENDING, city.years(2, 10), "药剂科", false, false);
                    } else {
                        var p = city.practitioner(null, inst, Profession.PHYSICIAN, randomTitle(), city.years(2, 15), "全科医学科", true, false);
                        if (studies) {
                            city.study(p, null, recentStudyStart());
                        }
                    }
                }
                case VILLAGE_CLINIC ->
                    city.practitioner(null, inst, Profession.PHYSICIAN, Title.RESIDENT, city.years(1, 20), "全科医学科", true, false);
                case NURSING_HOME, HOSPICE, REHAB -> city.practitioner(null, inst, i == 0 ? Profession.PHYSICIAN : Profession.NURSE,
                        randomTitle(), city.years(2, 15), category == InstitutionCategory.REHAB ? "康复医学科"
                                : category == InstitutionCategory.HOSPICE ? "安宁疗护科" : "老年医学科",
                        false, false);
                case PUBLIC_HEALTH ->
                    city.practitioner(null, inst, Profession.PHYSICIAN, randomTitle(), city.years(2, 15), "疾病预防控制", false, false);
                case MATERNAL_CHILD -> city.practitioner(null, inst, Profession.PHYSICIAN, randomTitle(), city.years(2, 15),
                        i % 2 == 0 ? "妇产科" : "儿科", false, i % 2 == 1);
                case TCM_HOSPITAL, INTEGRATED_HOSPITAL ->
                    city.practitioner(null, inst, Profession.PHYSICIAN, seniorTitle(), city.years(2, 15),
                            List.of("中医内科", "针灸推拿科", "中医骨伤科", "中医妇科", "中医儿科").get(i % 5), false, false);
                default -> {
                    String discipline = DemoNames.DISCIPLINES
                            .get((i + city.random.nextInt(DemoNames.DISCIPLINES.size())) % DemoNames.DISCIPLINES.size());
                    city.practitioner(null, inst, i == size - 1 ? Profession.NURSE : Profession.PHYSICIAN, seniorTitle(),
                            city.years(6, 20), discipline, false, "儿科".equals(discipline));
                }
            }
        }
    }

    private Title randomTitle() {
        return List.of(Title.RESIDENT, Title.ATTENDING, Title.ATTENDING, Title.ASSOCIATE_CHIEF).get(city.random.nextInt(4));
    }

    private Title seniorTitle() {
        return List.of(Title.ATTENDING, Title.ASSOCIATE_CHIEF, Title.ASSOCIATE_CHIEF, Title.CHIEF).get(city.random.nextInt(4));
    }

    private LocalDate recentStudyStart() {
        return city.today.minusDays(120 + city.random.nextInt(450));
    }
}
