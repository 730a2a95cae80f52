package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.medunion.residents.FormTeam;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.scheduling.SlotSearch;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.medunion.shared.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Workflow data for the freshly loaded demo city (docs/demo-city.md, "Workflow data"): deterministic
 * residents with valid GB 11643 ID numbers, a family-doctor team at the demo community health centre and
 * "1+1+1" contracts (team + district hospital + municipal hospital). Called by {@link DemoCityLoader}
 * synchronously, as the system, only on the start that loaded the city.
 * Then schedules (outpatient, exam and beds at the lead hospitals; community beds at the centre and at every
 * nursing home, rehab hospital and hospice), bookings, and referrals in every state for both directions.
 */
@Component
class DemoWorkflowSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkflowSeeder.class);
    /** 长宁区颐康护理院: where the demo's redirected downward referral goes on to. */
    private static final String NURSING_HOME_KEY = "sh.310105.nursing";
    private static final String[] DISTRICTS = {"310101", "310104", "310105", "310106", "310107"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "勇"};

    private final RegistryManagement registry;
    private final CityWideRegistry city;
    private final ResidentsManagement residents;
    private final Clock clock;
    private final SchedulingManagement scheduling;
    private final SystemScheduling systemScheduling;
    private final DemoReferrals referrals;
    private final DemoPharmacy pharmacy;
    private final DemoConsultations consultations;
    private final DemoSessions sessions;
    private final DemoNursingHome nursingHome;
    private final DemoZoneConsultations zoneConsultations;

    @SuppressWarnings("checkstyle:ParameterNumber") // the demo's seeders, injected
    DemoWorkflowSeeder(RegistryManagement registry, CityWideRegistry city, ResidentsManagement residents, Clock clock,
                       SchedulingManagement scheduling, SystemScheduling systemScheduling,
                       DemoReferrals referrals, DemoPharmacy pharmacy, DemoConsultations consultations,
                       DemoSessions sessions, DemoNursingHome nursingHome, DemoZoneConsultations zoneConsultations) {
        this.sessions = sessions;
        this.nursingHome = nursingHome;
        this.zoneConsultations = zoneConsultations;
        this.registry = registry;
        this.city = city;
        this.residents = residents;
        this.scheduling = scheduling;
        this.systemScheduling = systemScheduling;
        this.referrals = referrals;
        this.pharmacy = pharmacy;
        this.consultations = consultations;
        this.clock = clock;
    }

    private volatile DemoReferrals.@Nullable Plan pendingReferrals;
    private volatile DemoReferrals.@Nullable Plan pendingPharmacy;
    private volatile List<DemoReferrals.ReceivedDown> pendingReceived = List.of();
    private volatile DemoReferrals.@Nullable Plan pendingConsultations;
    private volatile DemoReferrals.@Nullable Plan pendingZone;
    private volatile @Nullable DemoCityLoaded pendingCity;

    /**
     * CN-3 ({@link DemoNursingHome}, {@link DemoZoneConsultations}): 长宁's emergency zones, the elderly-care institution
     * outside the office's consortium, its consultations to its zone's hospital and past it, the centre's patrol of it;
     * own transaction, after the centre's consultations. Returns how many consultations.
     */
    int seedNursingHome() {
        var pending = pendingZone;
        var city = pendingCity;
        pendingZone = null;
        pendingCity = null;
        if (pending == null || city == null) {
            return 0;
        }
        var home = nursingHome.seed(city, LocalDate.ofInstant(pending.now(), clock.getZone()));
        int n = home.map(h -> zoneConsultations.seed(h, pending.primaryInstitutionId(), pending.now())).orElse(0);
        log.info("Demo nursing-home consultations (CN-3, TM-15) seeded: {}", n);
        return n;
    }

    /** Consultations ({@link DemoConsultations}) for the referrals' plan; own transaction, after the pharmacy's. */
    int seedConsultations() {
        var pending = pendingConsultations;
        pendingConsultations = null;
        pendingZone = pending;
        if (pending == null) {
            return 0;
        }
        int n = consultations.seed(pending);
        log.info("Demo consultations seeded: {}", n);
        log.info("Demo clinic, round and patrol sessions held: {}", sessions.seed(pending));
        return n;
    }

    /** Catalogue mappings and prescriptions ({@link DemoPharmacy}) for the referrals' plan; own transaction, after them. */
    int seedPharmacy() {
        var pending = pendingPharmacy;
        pendingPharmacy = null;
        pendingConsultations = pending;
        if (pending == null) {
            return 0;
        }
        int n = pharmacy.seed(pending, pendingReceived);
        log.info("Demo pharmacy seeded: {} prescriptions", n);
        return n;
    }

    /**
     * Referrals in every state, one per state and direction (keeps the seeding near a second), for the data
     * {@link #seed} created; call in a transaction of its own after {@link #seed} committed. Returns how many.
     */
    int seedReferrals() {
        var pending = pendingReferrals;
        pendingReferrals = null;
        pendingPharmacy = pending;
        if (pending == null) {
            return 0;
        }
        long start = System.nanoTime();
        var seeded = referrals.seed(pending);
        pendingReceived = seeded.receivedDown();
        int n = seeded.count();
        log.info("Demo workflow referrals seeded: {} in {} ms", n, (System.nanoTime() - start) / 1_000_000);
        return n;
    }

    /** Seeds residents, a team, contracts, schedules and bookings; returns a one-line summary. */
    String seed(DemoCityLoaded city) {
        long start = System.nanoTime();
        pendingCity = city;
        LocalDate today = LocalDate.now(clock);
        var commands = residentCommands(city, today);
        List<ResidentId> ids = residents.importResidents(commands);

        List<PractitionerView> centre = registry.practitioners(city.communityHealthCentre());
        var gp = centre.stream().filter(PractitionerView::generalPractitioner).findFirst()
                .or(() -> centre.stream().filter(p -> p.profession() == Profession.PHYSICIAN).findFirst());
        var nurse = centre.stream().filter(p -> p.profession() == Profession.NURSE).findFirst();
        var specialist = registry.practitioners(city.leadHospital()).stream()
                .filter(p -> p.profession() == Profession.PHYSICIAN).findFirst();
        int contracts = 0;
        TeamId team = null;
        if (gp.isPresent()) {
            List<TeamId> teams = residents.importTeams(List.of(new FormTeam(city.communityHealthCentre(),
                    "家庭医生团队 1", gp.get().id(), nurse.map(PractitionerView::id).orElseThrow(() -> new IllegalStateException("no nurse")),
                    specialist.map(p -> List.of(p.id())).orElse(List.of()))));
            var signs = contracts(city, commands, ids, teams.get(0), today);
            contracts = residents.importContracts(signs).size();
            team = teams.get(0);
        } else {
            log.warn("Demo workflow: no general practitioner at the community health centre; no contracts");
        }
        int slots = 0;
        int bookings = 0;
        int referralCount = 0;
        if (contracts > 0) {
            LocalDate end = today.plusDays(6);
            var schedules = systemScheduling.publishSchedules(List.of(
                    schedule(city.leadHospital(), "心内科", ScheduleKind.OUTPATIENT_EXPERT, today, end),
                    schedule(city.leadHospital(), "内分泌科", ScheduleKind.OUTPATIENT_SPECIALTY, today, end),
                    schedule(city.leadHospital(), "心内科病区", ScheduleKind.INPATIENT_BED, today, end),
                    schedule(city.leadHospital(), "影像科", ScheduleKind.EXAM, today, end),
                    schedule(city.municipalHospital(), "神经内科", ScheduleKind.OUTPATIENT_EXPERT, today, end)),
                    "system");
            for (var sv : schedules) {
                slots += sv.slotCount();
            }
            var beds = systemScheduling.publishSchedules(communityBeds(city, today, end), "system");
            for (var sv : beds) {
                slots += sv.slotCount();
            }
            var outpatient = schedules.get(0).id();
            var free = scheduling.searchSlots(new SlotSearch(null, null, schedules.get(1).id(),
                    null, null, null, null, true, 100));
            for (int i = 0; i < 20 && i < free.size(); i++) {
                systemScheduling.bookAs(BookSlot.slot(free.get(i).id(), ids.get(i * 7 % 150)),
                        "gp", city.communityHealthCentre());
                bookings++;
            }
            pendingReferrals = referralPlan(city, commands, ids, outpatient, beds.get(0).id(),
                    Objects.requireNonNull(team, "contracts were signed with the team formed above"));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        String line = "Demo workflow seeded: %d residents, %d contracts, %d slots, %d bookings, %d referrals in %d ms"
                .formatted(ids.size(), contracts, slots, bookings, referralCount, ms);
        log.info(line);
        return line;
    }

    /** 200 deterministic residents with valid GB 11643 ID numbers, registered at the community health centre. */
    private static List<RegisterResident> residentCommands(DemoCityLoaded city, LocalDate today) {
        var random = new SplittableRandom(city.seed());
        var commands = new ArrayList<RegisterResident>();
        for (int i = 0; i < 200; i++) {
            String district = DISTRICTS[random.nextInt(DISTRICTS.length)];
            // every 4th elderly (66-90), every 5th a child (0-5), others 18-59: far from the 65 / 7 boundaries over the contract year
            int age = i % 4 == 0 ? 66 + random.nextInt(25) : i % 5 == 0 ? random.nextInt(6) : 18 + random.nextInt(42);
            LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
            boolean male = random.nextBoolean();
            int seq = 100 + random.nextInt(800);
            if (male != (seq % 2 == 1)) {
                seq++;
            }
            String first17 = district + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", seq);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
            commands.add(new RegisterResident(id, name, male ? "1" : "2", birth, phone, district,
                    city.communityHealthCentre(), "DEMO-" + (1000 + i)));
        }
        return commands;
    }

    /** "1+1+1" contracts for the first 150 residents: the team, the district hospital and the municipal one. */
    private static List<SignContract> contracts(DemoCityLoaded city, List<RegisterResident> commands,
                                                List<ResidentId> ids, TeamId team, LocalDate today) {
        var signs = new ArrayList<SignContract>();
        for (int i = 0; i < 150 && i < ids.size(); i++) {
            var groups = new ArrayList<String>();
            LocalDate birth = Objects.requireNonNull(commands.get(i).birthDate(), "residentCommands gives every birth date");
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
            signs.add(new SignContract(ids.get(i), team, city.leadHospital(), city.municipalHospital(),
                    startDate, startDate.plusYears(1).minusDays(1), groups,
                    List.of("BASIC_PUBLIC_HEALTH")));
        }
        return signs;
    }

    /** What {@link DemoReferrals} needs: 40 of the residents, the schedules to book from, the team for family beds. */
    private DemoReferrals.Plan referralPlan(DemoCityLoaded city, List<RegisterResident> commands, List<ResidentId> ids,
                                            ScheduleId outpatient,
                                            ScheduleId bedSchedule, TeamId team) {
        var demoResidents = new ArrayList<DemoReferrals.Resident>();
        for (int i = 0; i < 40; i++) {
            demoResidents.add(new DemoReferrals.Resident(ids.get(i).value(),
                    commands.get(i).idNumber(), commands.get(i).name()));
        }
        return new DemoReferrals.Plan(
                city.communityHealthCentre().value(), city.leadHospital().value(), city.officeConsortium().value(),
                outpatient.value(), demoResidents, clock.instant(), city.municipalHospital().value(),
                city.institutions().getOrDefault(NURSING_HOME_KEY, city.municipalHospital()).value(),
                bedSchedule.value(), team.value());
    }

    /**
     * Community beds (社区病房): the gp's community health centre first (downward referrals are accepted into it),
     * then every nursing home, rehab hospital and hospice of the demo city — the receiving side of downward
     * referrals books a bed there (docs/decisions/0004-downward-acceptance.md).
     */
    private List<PublishSchedule> communityBeds(DemoCityLoaded city, LocalDate from, LocalDate to) {
        var out = new ArrayList<PublishSchedule>();
        out.add(beds(city.communityHealthCentre(), "社区病房", from, to));
        var continuing = EnumSet.of(InstitutionCategory.NURSING_HOME,
                InstitutionCategory.REHAB, InstitutionCategory.HOSPICE);
        this.city.allInstitutions().stream().filter(i -> continuing.contains(i.category()))
                .sorted(Comparator.comparing(InstitutionView::name)
                        .thenComparing(i -> i.id().value()))
                .forEach(i -> out.add(beds(i.id(), i.category() == InstitutionCategory.HOSPICE
                        ? "安宁疗护病区" : i.category() == InstitutionCategory.REHAB ? "康复病区" : "护理病区",
                        from, to)));
        return out;
    }

    private static PublishSchedule beds(InstitutionId institution,
                                        String ward, LocalDate from, LocalDate to) {
        return new PublishSchedule(institution, ward, null, null,
                ScheduleKind.INPATIENT_BED, from, to, null, null, null, 6, null, null);
    }

    private static PublishSchedule schedule(InstitutionId hospital,
                                            String department, ScheduleKind kind, LocalDate from, LocalDate to) {
        return new PublishSchedule(hospital, department, null, null, kind, from, to,
                null, null, null, null, null, null);
    }
}
