package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/** The 15 criteria of the national standard (NAT-1…NAT-15) and how each is assessed from platform data. */
final class NationalCriteria {

    private NationalCriteria() {
    }

    static List<NationalCriterion> all() {
        return List.of(
                new NationalCriterion("NAT-1", "RESPONSIBILITY", Coverage.EVALUATED, NationalCriteria::grids),
                new NationalCriterion("NAT-2", "RESPONSIBILITY", Coverage.PARTIAL, (s, c) -> hasCharter(s, c)
                        ? Assessment.noData(Texts.text(AgreementType.CHARTER, " ✓; ", Texts.term("nat2Rest"), ": ",
                                Texts.term("manual")))
                        : Assessment.notMet(Texts.text(AgreementType.CHARTER, " = 0"))),
                new NationalCriterion("NAT-3", "RESPONSIBILITY", Coverage.EVALUATED, NationalCriteria::serviceCategories),
                new NationalCriterion("NAT-4", "RESOURCES", Coverage.PARTIAL,
                        (s, c) -> centre(c, "nat4Rest", "HR")),
                new NationalCriterion("NAT-5", "RESOURCES", Coverage.PARTIAL,
                        (s, c) -> centre(c, "nat5Rest", "FINANCE", "OPERATIONS")),
                new NationalCriterion("NAT-6", "RESOURCES", Coverage.PARTIAL, Map.of(), NationalCriteria::formulary),
                new NationalCriterion("NAT-7", "RESOURCES", Coverage.PARTIAL, (s, c) -> centre(c, "nat7Rest", "IT")),
                new NationalCriterion("NAT-8", "RESOURCES", Coverage.PARTIAL, Map.of("slots", "1/3", "beds", "1/4"),
                        NationalCriteria::release),
                new NationalCriterion("NAT-9", "RESOURCES", Coverage.PARTIAL,
                        (s, c) -> centres(s, c, "LAB", "IMAGING", "ECG", "PATHOLOGY", "STERILISATION")),
                new NationalCriterion("NAT-10", "BUSINESS", Coverage.PARTIAL, Map.of(), NationalCriteria::servicesInUse),
                new NationalCriterion("NAT-11", "BUSINESS", Coverage.EVALUATED, NationalCriteria::teamSpecialists),
                new NationalCriterion("NAT-12", "BUSINESS", Coverage.EVALUATED, NationalCriteria::referralCriteria),
                new NationalCriterion("NAT-13", "BUSINESS", Coverage.EVALUATED, NationalCriteria::publicHealth),
                new NationalCriterion("NAT-14", "MECHANISM", Coverage.MANUAL, (s, c) -> Assessment.noData(Texts.term("manual"))),
                new NationalCriterion("NAT-15", "MECHANISM", Coverage.MANUAL, (s, c) -> Assessment.noData(Texts.term("manual"))));
    }

    /**
     * NAT-6 (用药目录衔接): every member's catalogue linked to the formulary (RX-14's share mapped) — else NOT_MET naming the
     * members short of it; shared purchase data and unified distribution need manual evidence, so a linked group is NO_DATA.
     */
    static Assessment formulary(RegistrySnapshot s, ConsortiumView c, Parameters p, NationalCriterion self) {
        if (s.pharmacy().isEmpty()) {
            return Assessment.noData(Texts.term("formulary"));
        }
        var gaps = FormularyLinkage.gaps(s, c, s.pharmacy().get(), p);
        if (!gaps.isEmpty()) {
            return Assessment.notMet(gaps.stream().map(FormularyLinkage.Gap::evidence).collect(Collectors.joining("; ")));
        }
        return Assessment.noData(Texts.text(Texts.term("formularyLinked"), " ✓ (", s.activeMembers(c).size(), "); ",
                Texts.term("nat6Rest"), ": ", Texts.term("manual")));
    }

    /**
     * NAT-10 (一体化管理): the platform's part — the formulary linked, prescriptions written and flowing between members
     * (RX-15), referrals made — is checked from the pharmacy and referral modules; anything missing is NOT_MET. Quality,
     * infection control and records need manual evidence, so a group with all of it in use is NO_DATA.
     */
    static Assessment servicesInUse(RegistrySnapshot s, ConsortiumView c, Parameters p, NationalCriterion self) {
        if (s.pharmacy().isEmpty() || s.referrals().isEmpty()) {
            return Assessment.noData(Texts.term("nat10Modules"));
        }
        var e = s.pharmacy().get();
        long written = 0;
        long flowed = 0;
        long referred = 0;
        for (var m : s.activeMembers(c)) {
            var id = m.institutionId().value();
            written += e.prescriptions().getOrDefault(id, 0L);
            flowed += e.flowed().getOrDefault(id, 0L);
            referred += s.referrals().get().referralsBySender().getOrDefault(id, 0L);
        }
        var missing = new ArrayList<String>();
        if (!FormularyLinkage.gaps(s, c, e, p).isEmpty()) {
            missing.add(Texts.term("formularyLinked"));
        }
        if (written == 0) {
            missing.add(Texts.term("prescriptions"));
        }
        if (flowed == 0) {
            missing.add(Texts.term("prescriptionFlow"));
        }
        if (referred == 0) {
            missing.add(Texts.term("referrals"));
        }
        String counts = Texts.text(Texts.term("prescriptions"), " ", written, ", ", Texts.term("prescriptionFlow"), " ", flowed, ", ",
                Texts.term("referrals"), " ", referred);
        if (!missing.isEmpty()) {
            return Assessment.notMet(Texts.text(String.join(", ", missing), " = 0 / ✗; ", counts));
        }
        return Assessment.noData(Texts.text(counts, "; ", Texts.term("nat10Rest"), ": ", Texts.term("manual")));
    }

    /**
     * NAT-1: the group's grids exist; each has ≥1 municipal- or district-level tertiary general hospital and exactly one
     * tight group; the grids of each of the group's districts cover its whole population (sum of grid populations ≥
     * district population).
     */
    static Assessment grids(RegistrySnapshot s, ConsortiumView c) {
        if (c.gridIds() == null || c.gridIds().isEmpty()) {
            return Assessment.notMet(Texts.text(Texts.term("grids"), " = 0"));
        }
        Map<GridId, Integer> tightPerGrid = new LinkedHashMap<>();
        for (ConsortiumView other : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (other.tight() && other.gridIds() != null) {
                other.gridIds().forEach(g -> tightPerGrid.merge(g, 1, Integer::sum));
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Set<String> districts = new TreeSet<>();
        for (GridId id : c.gridIds()) {
            GridView g = s.grid(id);
            if (g == null) {
                continue;
            }
            districts.add(g.districtCode());
            List<String> tertiary = s.institutionsIn(id).stream().filter(NationalCriteria::tertiaryGeneral).map(InstitutionView::name)
                    .toList();
            int groups = tightPerGrid.getOrDefault(id, 0);
            evidence.add(Texts.text(g.name(), ": ", tertiary, ", ", Texts.term("tightGroups"), " = ", groups));
            if (tertiary.isEmpty()) {
                problems.add(Texts.text(g.name(), ": ", Texts.term("tertiaryGeneral"), " = 0"));
            }
            if (groups != 1) {
                problems.add(Texts.text(g.name(), ": ", Texts.term("tightGroups"), " = ", groups));
            }
        }
        for (String d : districts) {
            long pop = s.district(d).map(x -> x.population()).orElse(0L);
            long covered = s.grids(d).stream().mapToLong(GridView::population).sum();
            evidence.add(d + " " + s.districtName(d) + ": " + covered + "/" + pop);
            if (pop > 0 && covered < pop) {
                problems.add(d + " " + s.districtName(d) + ": " + covered + " < " + pop);
            }
        }
        if (!problems.isEmpty()) {
            return Assessment.notMet(String.join("; ", problems));
        }
        // "grids cover all residents" cannot be shown when a district's population is not recorded
        List<String> unknown = districts.stream().filter(d -> s.district(d).map(x -> x.population()).orElse(0L) <= 0)
                .map(d -> Texts.text(d, " ", s.districtName(d), ": ", Texts.term("population"), " = ?")).toList();
        return unknown.isEmpty() ? Assessment.met(String.join("; ", evidence))
                : Assessment.noData(String.join("; ", unknown) + "; " + String.join("; ", evidence));
    }

    /** NAT-11 = NN-5: every primary member has a secondary/tertiary physician in its family-doctor teams. */
    static Assessment teamSpecialists(RegistrySnapshot s, ConsortiumView c) {
        if (s.teamSource().isEmpty()) {
            return Assessment.noData(Texts.term("familyDoctorTeams"));
        }
        List<String> short_ = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        TeamSpecialistPolicy.specialistsPerPrimary(s, c, s.teamSource().get().teamSpecialists())
                .forEach((primary, n) -> (n < 1 ? short_ : ok).add(primary.name() + " = " + n));
        if (short_.isEmpty() && ok.isEmpty()) {
            return Assessment.notMet(Texts.text(Texts.term("primaryMembers"), " = 0"));
        }
        return short_.isEmpty() ? Assessment.met(String.join(", ", ok)) : Assessment.notMet(String.join(", ", short_) + " < 1");
    }

    /** NAT-12: referral criteria defined for the group, upward and downward, and referrals made through the platform (I-2, I-3). */
    static Assessment referralCriteria(RegistrySnapshot s, ConsortiumView c) {
        if (s.referrals().isEmpty()) {
            return Assessment.noData(Texts.term("referralModule"));
        }
        var e = s.referrals().get();
        Set<String> directions = new TreeSet<>();
        e.criteria().stream().filter(x -> c.id().value().equals(x.consortiumId())).forEach(x -> directions.add(x.direction()));
        long referrals = s.activeMembers(c).stream().mapToLong(m -> e.referralsBySender().getOrDefault(m.institutionId().value(), 0L))
                .sum();
        String defined = directions.isEmpty() ? Texts.term("criteria.none")
                : String.join("、", directions.stream().map(x -> Texts.term("direction." + x)).toList());
        String evidence = Texts.text(Texts.term("criteria"), ": ", defined, ", ", Texts.term("referrals"), " = ", referrals);
        boolean criteria = directions.contains("UP") && directions.contains("DOWN");
        return criteria && referrals > 0 ? Assessment.met(evidence) : Assessment.notMet(evidence);
    }

    static boolean tertiaryGeneral(InstitutionView i) {
        return i.level() == HospitalLevel.TERTIARY && i.category() == InstitutionCategory.GENERAL_HOSPITAL && !i.tcm()
                && (i.affiliation() == Affiliation.MUNICIPAL || i.affiliation() == Affiliation.DISTRICT);
    }

    static boolean hasCharter(RegistrySnapshot s, ConsortiumView c) {
        return s.agreements(c.id()).stream().anyMatch(a -> a.type() == AgreementType.CHARTER);
    }

    /**
     * NAT-3: the lead hospital, members and collaborators jointly serve the grid's residents — the standard names the
     * services (prevention … health management), not member categories: a lead hospital and at least one primary
     * institution among members and collaborators; the other categories present are listed as evidence.
     */
    static Assessment serviceCategories(RegistrySnapshot s, ConsortiumView c) {
        Set<InstitutionCategory> have = EnumSet.noneOf(InstitutionCategory.class);
        s.activeMembers(c).forEach(m -> {
            var i = s.institution(m.institutionId());
            if (i != null) {
                have.add(i.category());
            }
        });
        List<String> missing = new ArrayList<>();
        if (s.lead(c).isEmpty()) {
            missing.add(Texts.code(MembershipRole.LEAD));
        }
        if (have.stream().noneMatch(InstitutionCategory::isPrimary)) {
            missing.add(Texts.term("primaryInstitution"));
        }
        return missing.isEmpty() ? Assessment.met(Texts.of(have)) : Assessment.notMet(Texts.text(Texts.term("missing"), ": ", missing));
    }

    /**
     * A centre is only part of the criterion ({@code rest}: what the standard also asks and the platform does not hold):
     * missing → NOT_MET; present → NO_DATA until manual evidence shows the rest — never MET on partial evidence.
     */
    static Assessment centre(ConsortiumView c, String rest, String... anyOf) {
        Set<String> have = OneOfficeManyCentresPolicy.centres(c);
        for (String x : anyOf) {
            if (have.contains(x)) {
                return Assessment.noData(Texts.text(Texts.code("Centre", x), " ✓; ", Texts.term(rest), ": ", Texts.term("manual")));
            }
        }
        return Assessment
                .notMet(Texts.text(Arrays.stream(anyOf).map(x -> Texts.code("Centre", x)).collect(Collectors.joining("/")), " = 0"));
    }

    /**
     * NAT-9: the five shared centres (declared or registered with the diagnostics module) and recognition among the members
     * (实现…结果互认共享): MET when the members recognised results on the platform in the evaluation year; a missing centre is
     * NOT_MET; centres without a recognition yet, or without the diagnostics module, NO_DATA.
     */
    static Assessment centres(RegistrySnapshot s, ConsortiumView c, String... all) {
        Set<String> have = SharedCentres.of(s, c);
        List<String> missing = Arrays.stream(all).filter(x -> !have.contains(x)).toList();
        if (!missing.isEmpty()) {
            return Assessment.notMet(Texts.text(Texts.term("missing"), ": ", missing.stream().map(x -> Texts.code("Centre", x)).toList()));
        }
        String centres = Texts.text(Arrays.stream(all).map(x -> Texts.code("Centre", x)).toList(), " ✓; ");
        if (s.diagnostics().isEmpty()) {
            return Assessment.noData(Texts.text(centres, Texts.term("recognitionRate"), ": ", Texts.term("noData")));
        }
        var byInstitution = s.diagnostics().get().recognitions(s.today().withDayOfYear(1), s.today());
        long recognitions = s.activeMembers(c).stream().mapToLong(m -> byInstitution.getOrDefault(m.institutionId().value(), 0L)).sum();
        String evidence = Texts.text(centres, Texts.term("recognitions"), " ", s.today().withDayOfYear(1), "…", s.today(), " = ",
                recognitions);
        return recognitions > 0 ? Assessment.met(evidence) : Assessment.noData(evidence);
    }

    /**
     * NAT-8: the lead's release ratios from the scheduling extension point against the criterion's own parameters
     * {@code slots} / {@code beds} (defaults 1/3 and 1/4 as NN-4, overrides of the group's jurisdiction honoured),
     * compared without rounding: reserved ≥ share × total.
     */
    static Assessment release(RegistrySnapshot s, ConsortiumView c, Parameters p, NationalCriterion self) {
        var ratio = s.lead(c).flatMap(l -> s.releaseRatios().flatMap(src -> src.releaseRatio(l.id())));
        if (ratio.isEmpty() || ratio.get().totalSlots() <= 0 || ratio.get().totalBeds() <= 0) {
            return Assessment.noData(Texts.term("scheduling"));
        }
        var r = ratio.get();
        String minSlots = p.value(self, "slots", c.districtCode());
        String minBeds = p.value(self, "beds", c.districtCode());
        String e = Texts.text(Texts.term("slots"), " ", r.reservedSlots(), "/", r.totalSlots(), " (≥ ", minSlots, "), ",
                Texts.term("beds"), " ", r.reservedBeds(), "/", r.totalBeds(), " (≥ ", minBeds, ")");
        boolean ok = r.reservedSlots() >= p.decimal(self, "slots", c.districtCode()) * r.totalSlots() - 1e-9
                && r.reservedBeds() >= p.decimal(self, "beds", c.districtCode()) * r.totalBeds() - 1e-9;
        if (!ok) {
            return Assessment.notMet(e);
        }
        // MET needs the priority for referred contracted residents too (from the referral module)
        if (s.referrals().isEmpty()) {
            return Assessment.noData(Texts.text(e, "; ", Texts.term("priority"), ": ", Texts.term("noData")));
        }
        var ref = s.referrals().get();
        long owed = 0;
        long honoured = 0;
        for (var m : s.activeMembers(c)) {
            owed += ref.priorityDue().getOrDefault(m.institutionId().value(), 0L);
            honoured += ref.priorityHonoured().getOrDefault(m.institutionId().value(), 0L);
        }
        String withPriority = Texts.text(e, "; ", Texts.term("priority"), " ", honoured, "/", owed);
        if (owed == 0) {
            return Assessment.noData(withPriority);
        }
        return honoured >= owed ? Assessment.met(withPriority) : Assessment.notMet(withPriority);
    }

    static Assessment publicHealth(RegistrySnapshot s, ConsortiumView c) {
        List<String> names = s.activeMembers(c).stream().map(m -> s.institution(m.institutionId()))
                .filter(i -> i != null && i.category() == InstitutionCategory.PUBLIC_HEALTH).map(InstitutionView::name).toList();
        return names.isEmpty() ? Assessment.notMet(Texts.text(InstitutionCategory.PUBLIC_HEALTH, " = 0"))
                : Assessment.met(String.join(", ", names));
    }
}
