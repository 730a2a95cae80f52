package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.FormTeam;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.shared.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Workflow data for the freshly loaded demo city (docs/demo-city.md, "Workflow data"): deterministic
 * residents with valid GB 11643 ID numbers, a family-doctor team at the demo community health centre and
 * "1+1+1" contracts (team + district hospital + municipal hospital). Called by {@link DemoCityLoader}
 * synchronously, as the system, only on the start that loaded the city.
 * Schedules, bookings and referrals are not seeded yet.
 */
@Component
class DemoWorkflowSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkflowSeeder.class);
    private static final String[] DISTRICTS = {"310101", "310104", "310105", "310106", "310107"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "勇"};

    private final RegistryManagement registry;
    private final ResidentsManagement residents;
    private final Clock clock;

    DemoWorkflowSeeder(RegistryManagement registry, ResidentsManagement residents, Clock clock) {
        this.registry = registry;
        this.residents = residents;
        this.clock = clock;
    }

    /** Seeds residents, a team and contracts; returns a one-line summary. */
    String seed(DemoCityLoaded city) {
        long start = System.nanoTime();
        var random = new SplittableRandom(city.seed());
        LocalDate today = LocalDate.now(clock);
        var commands = new ArrayList<RegisterResident>();
        for (int i = 0; i < 200; i++) {
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            // every 4th an elderly resident (65-90), every 5th a child (0-6), others 18-64
            int age = i % 4 == 0 ? 65 + random.nextInt(26) : i % 5 == 0 ? random.nextInt(7) : 18 + random.nextInt(47);
            LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
            boolean male = random.nextBoolean();
            int seq = 100 + random.nextInt(800);
            if (male != (seq % 2 == 1)) {
                seq++;
            }
            String first17 = district + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", seq);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            commands.add(new RegisterResident(id, name, male ? "1" : "2", birth, phone, district,
                    city.communityHealthCentre(), "DEMO-" + (1000 + i)));
        }
        List<ResidentId> ids = residents.importResidents(commands);

        List<PractitionerView> centre = registry.practitioners(city.communityHealthCentre());
        var gp = centre.stream().filter(PractitionerView::generalPractitioner).findFirst()
                .or(() -> centre.stream().filter(p -> p.profession() == Profession.PHYSICIAN).findFirst());
        var nurse = centre.stream().filter(p -> p.profession() == Profession.NURSE).findFirst();
        var specialist = registry.practitioners(city.leadHospital()).stream()
                .filter(p -> p.profession() == Profession.PHYSICIAN).findFirst();
        int contracts = 0;
        if (gp.isPresent()) {
            List<TeamId> teams = residents.importTeams(List.of(new FormTeam(city.communityHealthCentre(),
                    "家庭医生团队 1", gp.get().id(), nurse.map(PractitionerView::id).orElse(null),
                    specialist.map(p -> List.of(p.id())).orElse(List.of()))));
            var signs = new ArrayList<SignContract>();
            for (int i = 0; i < 150 && i < ids.size(); i++) {
                var groups = new ArrayList<String>();
                LocalDate birth = commands.get(i).birthDate();
                if (!birth.isAfter(today.minusYears(65))) {
                    groups.add(PriorityGroup.ELDERLY.name());
                } else if (birth.isAfter(today.minusYears(7))) {
                    groups.add(PriorityGroup.CHILD.name());
                }
                if (i % 7 == 0) {
                    groups.add(PriorityGroup.HYPERTENSION.name());
                }
                LocalDate startDate = today.minusDays(i % 300);
                if (startDate.isBefore(birth)) {
                    startDate = birth;
                }
                signs.add(new SignContract(ids.get(i), teams.get(0), city.leadHospital(), city.municipalHospital(),
                        startDate, startDate.plusYears(1).minusDays(1), groups,
                        List.of("BASIC_PUBLIC_HEALTH")));
            }
            contracts = residents.importContracts(signs).size();
        } else {
            log.warn("Demo workflow: no general practitioner at the community health centre; no contracts");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String line = "Demo workflow seeded: %d residents, %d contracts, 0 slots, 0 bookings, 0 referrals in %d ms"
                .formatted(ids.size(), contracts, ms);
        log.info(line);
        return line;
    }
}
