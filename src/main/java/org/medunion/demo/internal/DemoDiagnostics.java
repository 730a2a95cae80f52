package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.Observation;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.SpecimenType;
import org.medunion.diagnostics.backfill.DiagnosticsBackfill;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.unscoped.CityWideRegistry;
import org.medunion.residents.ContractView;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.springframework.stereotype.Component;

/**
 * The demo city's diagnostics (issue 15), through the diagnostics module's system commands
 * ({@link DiagnosticsBackfill}): a small catalogue with the Hubei-style windows of diagnostics.md (HbA1c 60 days,
 * electrolytes 7, glucose and lipids 30, chest CT without a window; the ECG is on no list), recognised-item lists
 * for Shanghai and Guangxi, shared centres for the 长宁 consortium and the two Nanning groups with QC records, a year
 * of results for residents under contract with the gp's centre, recognitions and re-examinations with every reason
 * and orders in every state today ({@link DemoDiagnosticsOrders}), and the year before month by month for 长宁 and the
 * Nanning groups ({@link DemoDiagnosticsYear}, {@link DemoDiagnosticsSites}: written with their own timestamps, so the
 * indicators' default month has data). Objects are found by name, residents through the centre's contracts: it runs on
 * the first start and on any later start of a demo database that has no shared centre yet.
 *
 * <p>The first of those residents (contracts by start date, then ID) is the one of the browser test: an HbA1c
 * result of the lead hospital 40 days old (offered: window 60 days) and an electrolyte panel 8 days old (not
 * offered: window 7 days).
 */
@Component
class DemoDiagnostics {

    static final String HBA1C = "HBA1C";
    static final String ELECTROLYTES = "ELEC4";
    static final String GLUCOSE = "GLU";
    static final String LIPIDS = "LIPID4";
    static final String CHEST_CT = "CT-CHEST";
    static final String ECG = "ECG12";
    static final String ADMIN = "demo";
    static final String CENTRE = "centre";
    private static final String NANNING_GROUP_1 = "南宁市第十一人民医院紧密型城市医疗集团";
    private static final String NANNING_GROUP_2 = "南宁市第十二人民医院紧密型城市医疗集团";
    private static final String MUNICIPAL = "上海市第十一人民医院";
    private static final int RESIDENTS = 30;

    private final DiagnosticsBackfill diagnostics;
    private final DemoDiagnosticsOrders orders;
    private final DemoExamOrders examOrders;
    private final DemoDiagnosticsYear year;
    private final DemoDiagnosticsSites sites;
    private final DemoSterilisation sterilisation;
    private final CityWideRegistry city;
    private final ResidentsManagement residents;
    private final Clock clock;

    DemoDiagnostics(DiagnosticsBackfill diagnostics, DemoDiagnosticsOrders orders, DemoDiagnosticsYear year, DemoDiagnosticsSites sites,
                    DemoSterilisation sterilisation, CityWideRegistry city, ResidentsManagement residents, Clock clock,
                    DemoExamOrders examOrders) {
        this.diagnostics = diagnostics;
        this.orders = orders;
        this.year = year;
        this.sites = sites;
        this.examOrders = examOrders;
        this.sterilisation = sterilisation;
        this.city = city;
        this.residents = residents;
        this.clock = clock;
    }

    /** What the seeding found in the city: the gp's centre, its lead hospital and centres, the residents. */
    record Place(UUID primary, UUID lead, UUID municipal, CentreId lab, CentreId imaging, List<UUID> residents,
                 LocalDate today, Instant now, Map<Seeded, UUID> reports) {
    }

    /** A lab report of the lead hospital seeded for the resident at that index: what a recognition can name. */
    record Seeded(int resident, String item, LocalDate day) {
    }

    /** A Nanning group's shared centres and what its lead runs them from. */
    private record Group(ConsortiumView consortium, UUID lead, CentreId lab, @Nullable CentreId imaging, String prefix) {
    }

    /**
     * Whether a result of the item on the day would give a resident the pair of the browser test's resident (an HbA1c 40
     * days old, an electrolyte panel 8 days old): the year's results and orders take another item then.
     */
    static boolean clash(String item, LocalDate day, LocalDate today) {
        return HBA1C.equals(item) && day.equals(today.minusDays(40)) || ELECTROLYTES.equals(item) && day.equals(today.minusDays(8));
    }

    /** Seeds unless a shared centre exists already or the demo objects are missing; returns a one-line summary. */
    String seed() {
        long start = System.nanoTime();
        if (diagnostics.anyCentre()) {
            return "Demo diagnostics present; nothing seeded";
        }
        Optional<ConsortiumView> changning = consortium(DemoAccounts.OFFICE_CONSORTIUM);
        Optional<InstitutionView> primary = institution(DemoAccounts.GP_INSTITUTION);
        Optional<InstitutionView> lead = institution(DemoAccounts.LEAD_INSTITUTION);
        Optional<InstitutionView> municipal = institution(MUNICIPAL);
        if (changning.isEmpty() || primary.isEmpty() || lead.isEmpty() || municipal.isEmpty()) {
            return "Demo diagnostics not seeded: demo city objects missing";
        }
        LocalDate today = LocalDate.now(clock);
        catalogue(today);
        CentreId lab = centre(changning.get(), lead.get().id().value(), "LAB", "长宁区域医学检验中心", 12);
        CentreId imaging = centre(changning.get(), lead.get().id().value(), "IMAGING", "长宁区域医学影像诊断中心", 24);
        centre(changning.get(), lead.get().id().value(), "ECG", "长宁区域心电诊断中心", 1);
        sterilisation.seed(changning.get(), lead.get().id().value(), "长宁区域消毒供应中心", "CN", true,
                primary.get().id().value());
        shanghaiQc(lead.get().id().value(), primary.get().id().value(), municipal.get().id().value(), today);
        List<Group> groups = nanning(today);
        var contracted = residents.contractsOfInstitution(primary.get().id()).stream()
                .filter(c -> c.coversDate(today) && c.districtHospitalId().equals(lead.get().id()))
                .sorted(Comparator.comparing(ContractView::startDate).thenComparing(c -> c.residentId().value()))
                .map(c -> c.residentId().value()).distinct().limit(RESIDENTS).toList();
        if (contracted.size() < 20) {
            return "Demo diagnostics: centres and QC only, " + contracted.size() + " contracted residents";
        }
        var place = new Place(primary.get().id().value(), lead.get().id().value(), municipal.get().id().value(), lab, imaging,
                contracted, today, clock.instant(), new HashMap<>());
        int reports = results(place) + nursingHomeResult(lead.get().id().value(), today);
        int decisions = orders.decisions(place);
        var tally = year.seed(DemoDiagnosticsSites.changning(place), place.now(), new DemoDiagnosticsYear.Tally());
        for (Group g : groups) {
            sites.nanning(g.consortium(), g.lead(), g.lab(), g.imaging(), g.prefix(), today)
                    .ifPresent(site -> year.seed(site, place.now(), tally));
        }
        int placed = orders.orders(place);
        placed += examOrders.orders(place);
        long centres = groups.stream().mapToLong(g -> g.imaging() == null ? 2 : 3).sum();
        return ("Demo diagnostics seeded: %d centres in Nanning besides 4 in 长宁, %d reports, %d decisions, %d orders "
                + "(a year: %d reports, %d decisions, %d orders) in %d ms")
                .formatted(centres, reports + tally.reports, decisions + tally.decisions, placed + tally.orders, tally.reports,
                        tally.decisions, tally.orders, (System.nanoTime() - start) / 1_000_000);
    }

    private void catalogue(LocalDate today) {
        item(HBA1C, "糖化血红蛋白A1c", ItemKind.LAB, "%", "4.0-6.0", "60.00", SpecimenType.WHOLE_BLOOD);
        item(ELECTROLYTES, "电解质四项（钾、钠、氯、钙）", ItemKind.LAB, null, null, "40.00", SpecimenType.SERUM);
        item(GLUCOSE, "空腹血糖", ItemKind.LAB, "mmol/L", "3.9-6.1", "8.00", SpecimenType.PLASMA);
        item(LIPIDS, "血脂四项", ItemKind.LAB, null, null, "50.00", SpecimenType.SERUM);
        item(CHEST_CT, "胸部CT平扫", ItemKind.IMAGING, null, null, "240.00", null);
        item(ECG, "十二导联心电图", ItemKind.ECG, null, null, "25.00", null);
        List<ItemList.Entry> entries = List.of(new ItemList.Entry(HBA1C, 60), new ItemList.Entry(ELECTROLYTES, 7),
                new ItemList.Entry(GLUCOSE, 30), new ItemList.Entry(LIPIDS, 30), new ItemList.Entry(CHEST_CT, null));
        for (String jurisdiction : List.of(ShanghaiDemo.CITY, "450000")) {
            diagnostics.publishList(new PublishList(jurisdiction, today.minusYears(2), entries), ADMIN);
        }
    }

    private void item(String code, String name, ItemKind kind, @Nullable String unit, @Nullable String range, String price,
                      @Nullable SpecimenType specimen) {
        diagnostics.defineItem(new DefineItem(code, name, kind.name(), unit, range, new BigDecimal(price),
                specimen == null ? null : specimen.name()), ADMIN);
    }

    private CentreId centre(ConsortiumView consortium, UUID runner, String type, String name, int hours) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> members = consortium.activeMembers(today).stream().map(m -> m.institutionId().value())
                .filter(m -> !m.equals(runner)).distinct().toList();
        ItemKind kind = ItemKind.valueOf(type);
        return diagnostics.registerCentre(new RegisterCentre(consortium.id().value(), runner, type, name, members,
                Map.of(kind, hours)), ADMIN);
    }

    /**
     * The lead passes every item's EQA (HbA1c nationally, the rest in Shanghai); the gp's centre passes glucose in
     * the consortium and failed HbA1c; the municipal hospital's HbA1c pass ran out 200 days ago, its electrolyte pass
     * runs out in 20 days.
     */
    private void shanghaiQc(UUID lead, UUID primary, UUID municipal, LocalDate today) {
        qc(lead, HBA1C, true, "NATIONAL", "全国", today.minusYears(2), today.plusYears(1));
        for (String item : List.of(ELECTROLYTES, GLUCOSE, LIPIDS, CHEST_CT, ECG)) {
            qc(lead, item, true, "PROVINCIAL", "上海", today.minusYears(2), today.plusYears(1));
        }
        qc(primary, GLUCOSE, true, "CONSORTIUM", "医联体", today.minusYears(2), today.plusYears(1));
        qc(primary, HBA1C, false, "PROVINCIAL", "上海", today.minusYears(2), today.plusYears(1));
        qc(municipal, HBA1C, true, "PROVINCIAL", "上海", today.minusYears(3), today.minusDays(200));
        qc(municipal, LIPIDS, true, "NATIONAL", "全国", today.minusYears(2), today.plusYears(1));
        qc(municipal, ELECTROLYTES, true, "PROVINCIAL", "上海", today.minusYears(1).plusDays(20), today.plusDays(20));
    }

    private void qc(UUID institution, String item, boolean passed, String level, String scope, LocalDate from, LocalDate until) {
        diagnostics.recordQc(new RecordQc(institution, item, passed, level, scope, from, until), ADMIN);
    }

    /** A lab centre for each Nanning group (the first also an imaging centre), their leads with Guangxi QC. */
    private List<Group> nanning(LocalDate today) {
        List<Group> out = new ArrayList<>();
        for (String name : List.of(NANNING_GROUP_1, NANNING_GROUP_2)) {
            var group = consortium(name);
            var lead = group.flatMap(g -> g.activeMembers(today).stream().filter(m -> m.role() == MembershipRole.LEAD).findFirst());
            if (group.isEmpty() || lead.isEmpty()) {
                continue;
            }
            UUID runner = lead.get().institutionId().value();
            String stem = name.substring(0, name.indexOf("紧密型"));
            String prefix = name.equals(NANNING_GROUP_1) ? "NN11" : "NN12";
            CentreId lab = centre(group.get(), runner, "LAB", stem + "医学检验中心", 24);
            CentreId imaging = name.equals(NANNING_GROUP_1) ? centre(group.get(), runner, "IMAGING", stem + "医学影像中心", 24) : null;
            sterilisation.seed(group.get(), runner, stem + "消毒供应中心", prefix, false, null);
            for (String item : List.of(HBA1C, ELECTROLYTES, GLUCOSE, LIPIDS)) {
                qc(runner, item, true, "PROVINCIAL", "广西", today.minusYears(2), today.plusYears(1));
            }
            out.add(new Group(group.get(), runner, lab, imaging, prefix));
        }
        return out;
    }

    /** A year of results: every resident's lab work at the lead or the centre, some imaging and ECGs. */
    private int results(Place p) {
        int n = 0;
        n += lab(p, 0, HBA1C, p.lead(), 40, false);
        n += lab(p, 0, HBA1C, p.lead(), 130, false);
        n += lab(p, 0, ELECTROLYTES, p.lead(), 8, false);
        n += lab(p, 0, GLUCOSE, p.primary(), 20, false);
        for (int i = 1; i < p.residents().size(); i++) {
            UUID r = p.residents().get(i);
            n += lab(p, i, GLUCOSE, p.primary(), 1 + i * 11 % 360, false);
            n += lab(p, i, LIPIDS, i % 6 == 0 ? p.municipal() : p.lead(), 5 + i * 23 % 300, false);
            n += lab(p, i, ELECTROLYTES, p.lead(), 1 + i * 7 % 60, i % 9 == 4);
            if (i % 2 == 0) {
                n += lab(p, i, HBA1C, p.lead(), 3 + i * 17 % 330, false);
            }
            if (i % 5 == 0) {
                n += lab(p, i, HBA1C, p.municipal(), 100 + i, false);
            }
            if (i % 4 == 1) {
                boolean preliminary = i % 8 == 1;
                n += report(p.lead(), new RecordReport(r, CHEST_CT, null, preliminary ? "PRELIMINARY" : "FINAL",
                        p.today().minusDays(2 + i * 29 % 360), false, preliminary ? "初步意见：双肺纹理增多，待复核" : "双肺未见明显异常",
                        preliminary ? null : "https://pacs.demo.medunion.cn/viewer?study=demo-ct-" + i, List.of()));
            }
            if (i % 3 == 2) {
                n += report(p.lead(), new RecordReport(r, ECG, null, "FINAL", p.today().minusDays(4 + i * 13 % 200), false,
                        "窦性心律，正常心电图", null, List.of()));
            }
        }
        return n;
    }

    private int lab(Place p, int resident, String item, UUID performer, int daysAgo, boolean critical) {
        LocalDate day = p.today().minusDays(daysAgo);
        var id = diagnostics.recordReport(new RecordReport(p.residents().get(resident), item, null, "FINAL", day, critical,
                critical ? "危急值：血钾 6.8 mmol/L" : null, null, observations(item, critical, daysAgo)), performer, CENTRE);
        if (performer.equals(p.lead())) {
            p.reports().put(new Seeded(resident, item, day), id.value());
        }
        return 1;
    }

    /**
     * An electrolyte panel of the elderly-care institution's resident at the zone's hospital, which received her consultations
     * (decision 0260): the new-request form's result picker has a result for the {@value DemoNursingHome#ACCOUNT} account.
     */
    private int nursingHomeResult(UUID lead, LocalDate today) {
        var home = institution(DemoNursingHome.NAME);
        if (home.isEmpty()) {
            return 0;
        }
        UUID resident = residents.importResidents(List.of(DemoNursingHome.resident(home.get().id().value(), today))).get(0)
                .value();
        if (residents.relationship(new InstitutionId(lead), new ResidentId(resident)).isEmpty()) {
            return 0; // no consultation of hers reached the hospital: the demo stays loadable
        }
        return report(lead, new RecordReport(resident, ELECTROLYTES, null, "FINAL", today.minusDays(1), false,
                "电解质大致正常", null, observations(ELECTROLYTES, false, 3)));
    }

    private int report(UUID performer, RecordReport report) {
        diagnostics.recordReport(report, performer, CENTRE);
        return 1;
    }

    /** Plausible values of the item's observations, varying a little with the day. */
    static List<Observation> observations(String item, boolean critical, int seed) {
        String v = Integer.toString(seed % 10);
        return switch (item) {
            case HBA1C -> List.of(new Observation(HBA1C, "糖化血红蛋白A1c", "6." + v, "%", "4.0-6.0"));
            case GLUCOSE -> List.of(new Observation(GLUCOSE, "空腹血糖", critical ? "2.1" : "5." + v, "mmol/L", "3.9-6.1"));
            case LIPIDS -> List.of(new Observation("TC", "总胆固醇", "4." + v, "mmol/L", "<5.2"),
                    new Observation("TG", "甘油三酯", "1." + v, "mmol/L", "<1.7"),
                    new Observation("HDL-C", "高密度脂蛋白胆固醇", "1.2", "mmol/L", ">1.0"),
                    new Observation("LDL-C", "低密度脂蛋白胆固醇", "2." + v, "mmol/L", "<3.4"));
            case ELECTROLYTES -> List.of(new Observation("K", "钾", critical ? "6.8" : "4." + v, "mmol/L", "3.5-5.3"),
                    new Observation("NA", "钠", "14" + v, "mmol/L", "137-147"),
                    new Observation("CL", "氯", "10" + v, "mmol/L", "99-110"),
                    new Observation("CA", "钙", "2.3", "mmol/L", "2.1-2.6"));
            default -> List.of();
        };
    }

    private Optional<ConsortiumView> consortium(String name) {
        return city.allConsortia().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private Optional<InstitutionView> institution(String name) {
        return city.allInstitutions().stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
