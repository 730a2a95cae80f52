package org.medunion.demo.internal;

import static org.medunion.demo.internal.DemoDiagnostics.CHEST_CT;
import static org.medunion.demo.internal.DemoDiagnostics.ELECTROLYTES;
import static org.medunion.demo.internal.DemoDiagnostics.GLUCOSE;
import static org.medunion.demo.internal.DemoDiagnostics.HBA1C;
import static org.medunion.demo.internal.DemoDiagnostics.LIPIDS;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.demo.internal.DemoDiagnosticsYear.Decision;
import org.medunion.demo.internal.DemoDiagnosticsYear.Fate;
import org.medunion.demo.internal.DemoDiagnosticsYear.Order;
import org.medunion.demo.internal.DemoDiagnosticsYear.Plan;
import org.medunion.demo.internal.DemoDiagnosticsYear.Site;
import org.medunion.diagnostics.CentreId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * The groups whose year {@link DemoDiagnosticsYear} writes, with what happens in their months: 长宁 (the gp's centre and
 * the lead's specialist ordering, the lead reporting; the specialist recognises 上海市第十一人民医院's lipids) with every
 * re-examination reason in each busy month, and each Nanning group (a community health centre and a district hospital
 * of the group ordering from the lead's centres). Nanning has no residents of its own in the demo city: each group gets
 * ten, registered by its community health centre, its district hospital and its lead — the records that give those
 * institutions their care relationship.
 */
@Component
class DemoDiagnosticsSites {

    static final Plan CHANGNING = new Plan(
            List.of(recognise(2, false, HBA1C, 12), reexamine(3, false, GLUCOSE, "01"), recognise(5, false, GLUCOSE, 6),
                    reexamine(6, false, ELECTROLYTES, "02"), reexamine(8, false, HBA1C, "03"), recognise(9, false, LIPIDS, 9),
                    reexamine(11, false, ELECTROLYTES, "04"), recognise(13, false, ELECTROLYTES, 3),
                    reexamine(14, true, LIPIDS, "05"), recognise(16, true, LIPIDS, 7), reexamine(18, false, HBA1C, "06"),
                    reexamine(22, false, CHEST_CT, "07"), recognise(24, false, HBA1C, 20), reexamine(26, false, GLUCOSE, "08"),
                    reexamine(27, false, CHEST_CT, "98"),
                    reexamine(28, true, HBA1C, "99")),
            List.of(recognise(5, false, GLUCOSE, 6), recognise(16, true, LIPIDS, 7), reexamine(22, false, HBA1C, "*")),
            List.of(order(3, 9, false, HBA1C, Fate.ON_TIME), order(7, 10, false, GLUCOSE, Fate.ON_TIME),
                    order(10, 9, true, LIPIDS, Fate.ON_TIME), ct(12, 15, true, Fate.ON_TIME), order(14, 8, false, ELECTROLYTES, Fate.LATE),
                    order(17, 9, false, ELECTROLYTES, Fate.CRITICAL_ACKNOWLEDGED), order(21, 11, false, GLUCOSE, Fate.CANCELLED),
                    order(23, 9, false, HBA1C, Fate.REJECTED), ct(25, 14, false, Fate.LATE)),
            List.of(order(7, 10, false, GLUCOSE, Fate.ON_TIME), order(14, 8, false, ELECTROLYTES, Fate.LATE),
                    ct(25, 14, true, Fate.ON_TIME)),
            List.of(order(27, 9, false, HBA1C, Fate.ORDERED), order(27, 11, false, GLUCOSE, Fate.RECEIVED),
                    order(28, 9, true, LIPIDS, Fate.IN_PROGRESS)),
            order(26, 9, false, ELECTROLYTES, Fate.CRITICAL_UNACKNOWLEDGED));

    static final Plan NANNING = new Plan(
            List.of(recognise(4, false, HBA1C, 15), reexamine(7, false, GLUCOSE, "*"), recognise(17, true, LIPIDS, 8),
                    reexamine(20, false, ELECTROLYTES, "*")),
            List.of(recognise(12, false, GLUCOSE, 5), reexamine(20, false, HBA1C, "*")),
            List.of(order(4, 9, false, HBA1C, Fate.ON_TIME), order(11, 10, true, GLUCOSE, Fate.ON_TIME),
                    order(15, 8, false, ELECTROLYTES, Fate.LATE), order(22, 9, false, LIPIDS, Fate.REJECTED),
                    ct(24, 14, false, Fate.ON_TIME)),
            List.of(order(11, 10, true, GLUCOSE, Fate.ON_TIME), order(15, 8, false, ELECTROLYTES, Fate.LATE)),
            List.of(), null);

    private static final int NANNING_RESIDENTS = 10;
    private static final String[] SURNAMES = {"韦", "黄", "覃", "陆", "蒙", "莫", "农", "梁", "李", "陈"};
    private static final String[] GIVEN = {"秀英", "志强", "丽华", "建国", "海燕", "春梅", "文辉", "玉兰", "明", "芳"};

    private final CityWideRegistry city;
    private final ResidentsManagement residents;

    DemoDiagnosticsSites(CityWideRegistry city, ResidentsManagement residents) {
        this.city = city;
        this.residents = residents;
    }

    /** 长宁: the gp's centre ({@code gp}), the lead ({@code specialist}, centre staff {@code centre}) and its centres. */
    static Site changning(DemoDiagnostics.Place p) {
        return new Site("长宁", p.primary(), "gp", p.lead(), "specialist", p.lead(), p.municipal(), DemoDiagnostics.CENTRE, p.lab(), 12,
                p.imaging(), 24, p.residents().subList(1, p.residents().size()), CHANGNING);
    }

    /**
     * A Nanning group's site: its first community health centre and first district hospital by name, the lead running the
     * centres; empty when the group lacks either. Registers the group's residents (idempotent by ID number).
     */
    Optional<Site> nanning(ConsortiumView group, UUID lead, CentreId lab, @Nullable CentreId imaging, String prefix, LocalDate today) {
        Map<UUID, InstitutionView> all = city.allInstitutions().stream()
                .collect(Collectors.toMap(i -> i.id().value(), Function.identity(), (a, b) -> a));
        List<InstitutionView> members = group.activeMembers(today).stream().filter(m -> m.role() == MembershipRole.MEMBER)
                .map(m -> all.get(m.institutionId().value())).filter(i -> i != null)
                .sorted(Comparator.comparing(InstitutionView::name)).toList();
        var primary = members.stream().filter(i -> i.category() == InstitutionCategory.COMMUNITY_HEALTH_CENTRE).findFirst();
        var hospital = members.stream().filter(i -> i.category() == InstitutionCategory.GENERAL_HOSPITAL).findFirst();
        if (primary.isEmpty() || hospital.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> registered = register(primary.get(), hospital.get().id().value(), lead, prefix, today);
        String actor = prefix.toLowerCase(Locale.ROOT);
        return Optional.of(new Site(group.name(), primary.get().id().value(), actor + "-gp", hospital.get().id().value(), actor + "-doctor",
                lead, lead, actor + "-centre", lab, 24, imaging, 24, registered, NANNING));
    }

    /** Ten residents of the centre's district with valid GB 11643 numbers, recorded by the centre, the hospital and the lead. */
    private List<UUID> register(InstitutionView primary, UUID hospital, UUID lead, String prefix, LocalDate today) {
        var random = new SplittableRandom(prefix.hashCode());
        var commands = new ArrayList<RegisterResident>();
        for (int i = 0; i < NANNING_RESIDENTS; i++) {
            boolean male = i % 2 == 0;
            LocalDate birth = today.minusYears(35 + 4L * i).minusDays(1 + random.nextInt(360));
            int seq = 300 + 2 * i + (male ? 1 : 0);
            String first17 = primary.districtCode() + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            String name = SURNAMES[i] + GIVEN[random.nextInt(GIVEN.length)];
            String phone = "138" + String.format("%08d", random.nextInt(100_000_000));
            for (UUID source : List.of(primary.id().value(), hospital, lead)) {
                commands.add(new RegisterResident(id, name, male ? "1" : "2", birth, phone, primary.districtCode(),
                        new InstitutionId(source), prefix + "-" + (1000 + i)));
            }
        }
        List<ResidentId> ids = residents.importResidents(commands);
        return ids.stream().map(ResidentId::value).distinct().toList();
    }

    private static Decision recognise(int day, boolean byHospital, String item, int gap) {
        return new Decision(day, byHospital, item, gap, null);
    }

    private static Decision reexamine(int day, boolean byHospital, String item, String reason) {
        return new Decision(day, byHospital, item, 0, reason);
    }

    private static Order order(int day, int hour, boolean byHospital, String item, Fate fate) {
        return new Order(day, hour, byHospital, item, false, fate);
    }

    private static Order ct(int day, int hour, boolean byHospital, Fate fate) {
        return new Order(day, hour, byHospital, CHEST_CT, true, fate);
    }
}
