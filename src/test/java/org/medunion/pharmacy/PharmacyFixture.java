package org.medunion.pharmacy;

import static org.medunion.support.RegistrySeeds.creditCode;
import static org.medunion.support.RegistrySeeds.idNumber;
import static org.medunion.support.RegistrySeeds.practitioner;
import static org.medunion.support.RegistrySeeds.unique;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.FormTeam;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A fresh world: the scheduling fixture's Shanghai urban medical group (community centre, district hospital, lead
 * hospital) with pharmacists at the lead hospital (the group's pre-review centre) and at the district hospital, a
 * specialist at the district hospital, an outsider pharmacist and GP; and a Chongqing community centre (CQ pack) with
 * its own contracted resident and GP.
 */
final class PharmacyFixture {

    final int port;
    final UUID primary;
    final UUID district;
    final UUID lead;
    final UUID consortium;
    final UUID resident;
    final UUID stranger;
    final String gp;
    final String districtSpecialist;
    final String leadPharmacist;
    final String districtPharmacist;
    final String outsiderPharmacist;
    final String outsiderGp;
    final String office;
    final UUID cqPrimary;
    final UUID cqResident;
    final String cqGp;

    PharmacyFixture(int port, RegistryManagement registry, ResidentsManagement residents, AccountManagement accounts) {
        this.port = port;
        var g = SchedulingFixture.group(registry, residents, accounts);
        primary = g.primary().value();
        district = g.district().value();
        lead = g.lead().value();
        consortium = g.consortium().value();
        resident = g.contracted().value();
        stranger = g.stranger().value();
        gp = g.gpUser();
        districtSpecialist = g.districtUser();
        leadPharmacist = account(accounts, "lph", Role.PHARMACIST, Scope.institution(lead));
        districtPharmacist = account(accounts, "dph", Role.PHARMACIST, Scope.institution(district));
        outsiderPharmacist = account(accounts, "oph", Role.PHARMACIST, Scope.institution(UUID.randomUUID()));
        office = account(accounts, "rxo", Role.OFFICE, Scope.consortium(consortium));
        outsiderGp = account(accounts, "ogp", Role.GP, Scope.institution(UUID.randomUUID()));
        // Chongqing (500000 applies the CQ pack): a community centre with a team and a contracted resident
        String tag = unique("cq");
        InstitutionId cqLead = cq(registry, "重庆市第一人民医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.TERTIARY,
                Affiliation.MUNICIPAL);
        InstitutionId cqDistrict = cq(registry, "渝中区人民医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY,
                Affiliation.DISTRICT);
        InstitutionId cqCentre = cq(registry, "渝中区社区卫生服务中心 " + tag, InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                HospitalLevel.PRIMARY, Affiliation.DISTRICT);
        PractitionerId doctor = practitioner(registry, "刘全科", cqCentre, Profession.PHYSICIAN);
        PractitionerId nurse = practitioner(registry, "周护士", cqCentre, Profession.NURSE);
        PractitionerId specialist = practitioner(registry, "吴专科", cqDistrict, Profession.PHYSICIAN);
        TeamId team = residents.importTeams(List.of(new FormTeam(cqCentre, "家庭医生团队 " + tag, doctor, nurse, List.of(specialist))))
                .get(0);
        ResidentId person = residents.importResidents(List.of(new RegisterResident(idNumber(), "赵敏", null, null, null, null, cqCentre,
                null))).get(0);
        residents.importContracts(List.of(new SignContract(person, team, cqDistrict, cqLead, LocalDate.now().minusDays(30), null,
                List.of(), List.of())));
        cqPrimary = cqCentre.value();
        cqResident = person.value();
        cqGp = account(accounts, "cqgp", Role.GP, Scope.institution(cqPrimary));
    }

    private static InstitutionId cq(RegistryManagement registry, String name, InstitutionCategory category, HospitalLevel level,
                                    Affiliation affiliation) {
        return registry.registerInstitution(new RegisterInstitution(name, creditCode(), category, level, HospitalGrade.UNGRADED,
                Ownership.PUBLIC, null, affiliation, false, "500103", null, null, false, "重庆市渝中区", List.of(), List.of())).id();
    }

    private static String account(AccountManagement accounts, String prefix, Role role, Scope scope) {
        String name = unique(prefix);
        accounts.ensureAccount(new NewAccount(name, "demo", prefix + " " + name, role, scope));
        return name;
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    /** One line: {@code {"drugCode":…,"dose":…,"frequency":…,"daysSupply":…}}. */
    static String item(String code, String dose, String frequency, int days) {
        return "{\"drugCode\":\"%s\",\"dose\":%s,\"frequency\":\"%s\",\"daysSupply\":%d}".formatted(code, dose, frequency, days);
    }

    /** A prescription body; {@code extra} is more JSON members (may be empty). */
    static String body(UUID resident, String encounter, String dx, String extra, String... items) {
        return """
                {"residentId":"%s","encounterType":"%s","diagnosisCode":"%s","diagnosisText":"诊断 %s"%s,"items":[%s]}"""
                .formatted(resident, encounter, dx, dx, extra.isEmpty() ? "" : "," + extra, String.join(",", items));
    }

    /** A chronic hypertension prescription of amlodipine for {@code days} days. */
    String hypertension(UUID who, int days, boolean assessed) {
        String extra = "\"chronic\":true,\"reason\":\"高血压病情稳定，长期用药\"" + (assessed
                ? ",\"assessmentNote\":\"血压控制平稳，依从性好，已做用药教育\",\"patientConfirmed\":true" : "");
        return body(who, "OUTPATIENT", "I10", extra, item("F0001", "5", "QD", days));
    }

    JsonNode created(Api.Response r) {
        if (r.status() != 201) {
            throw new AssertionError("expected 201: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** A new prescription of the GP (amlodipine 7 days), in review at the lead hospital. */
    String inReview() {
        return created(as(gp).post("/api/pharmacy/prescriptions", body(resident, "OUTPATIENT", "I10", "", item("F0001", "5", "QD", 7))))
                .get("id").asString();
    }
}
