package org.medunion.diagnostics;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RegistrySeeds;
import tools.jackson.databind.JsonNode;

/**
 * A fresh world per test: the scheduling fixture's tight urban group (tertiary lead, secondary district hospital,
 * community centre with a GP, a contracted resident), a primary institution outside the group, a lab centre run by
 * the lead serving the community centre, centre staff, an outsider GP, and items with codes of their own published
 * on a new version of the 310104 list: HbA1c (60 days), potassium (7 days), chest CT (no window).
 */
final class DiagnosticsFixture {

    final int port;
    final UUID lead;
    final UUID district;
    final UUID primary;
    final UUID outside;
    final UUID consortium;
    final UUID resident;
    final UUID stranger;
    final String gp;
    final String specialist;
    final String districtUser;
    final String centreStaff;
    final String outsider;
    final String office;
    final String hba1c;
    final String potassium;
    final String ct;
    final String centre;
    final LocalDate today = LocalDate.now();

    DiagnosticsFixture(int port, RegistryManagement registry, ResidentsManagement residents, AccountManagement accounts) {
        this.port = port;
        var g = SchedulingFixture.group(registry, residents, accounts);
        lead = g.lead().value();
        district = g.district().value();
        primary = g.primary().value();
        consortium = g.consortium().value();
        resident = g.contracted().value();
        stranger = g.stranger().value();
        gp = g.gpUser();
        specialist = g.leadUser();
        districtUser = g.districtUser();
        outside = RegistrySeeds.institution(registry, "独立社区站 " + System.nanoTime(), InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                HospitalLevel.PRIMARY, Affiliation.DISTRICT).value();
        String tag = Long.toString(System.nanoTime(), 36);
        centreStaff = "cs-" + tag;
        outsider = "out-" + tag;
        office = "off-" + tag;
        accounts.ensureAccount(new NewAccount(centreStaff, "demo", "Centre " + tag, Role.CENTRE_STAFF, Scope.institution(lead)));
        accounts.ensureAccount(new NewAccount(outsider, "demo", "Outsider " + tag, Role.GP, Scope.institution(outside)));
        accounts.ensureAccount(new NewAccount(office, "demo", "Office " + tag, Role.OFFICE, Scope.consortium(consortium)));
        hba1c = "HBA1C-" + tag;
        potassium = "K-" + tag;
        ct = "CT-" + tag;
        item(hba1c, "糖化血红蛋白A1c", "LAB", "%", "4.0-6.0", "60.00");
        item(potassium, "钾", "LAB", "mmol/L", "3.5-5.3", "8.00");
        item(ct, "胸部CT平扫", "IMAGING", null, null, "240.00");
        ok(admin().post("/api/diagnostics/lists", """
                {"jurisdiction":"310104","validFrom":"%s","entries":[{"itemCode":"%s","windowDays":60},
                 {"itemCode":"%s","windowDays":7},{"itemCode":"%s"}]}""".formatted(today.minusYears(1), hba1c, potassium, ct)), 201);
        for (String item : new String[] {hba1c, potassium, ct}) {
            qc(lead, item, true, "NATIONAL", "全国", today.minusYears(1), today.plusYears(1));
        }
        centre = ok(admin().post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"LAB","name":"医学检验中心 %s","members":["%s","%s"],
                 "turnaroundHours":{"LAB":12}}""".formatted(consortium, lead, tag, primary, district)), 201).get("id").asString();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    Api admin() {
        return Api.as(port, "admin");
    }

    void item(String code, String name, String kind, @Nullable String unit, @Nullable String range, String price) {
        ok(admin().put("/api/diagnostics/items", """
                {"code":"%s","name":"%s","kind":"%s","unit":%s,"referenceRange":%s,"listPrice":%s}"""
                .formatted(code, name, kind, unit == null ? "null" : "\"" + unit + "\"", range == null ? "null" : "\"" + range + "\"",
                        price)),
                200);
    }

    void qc(UUID institution, String item, boolean passed, String level, String scope, LocalDate from, LocalDate until) {
        ok(admin().post("/api/diagnostics/qc", """
                {"institutionId":"%s","itemCode":"%s","passed":%s,"level":"%s","scopeLabel":"%s","validFrom":"%s","validUntil":"%s"}"""
                .formatted(institution, item, passed, level, scope, from, until)), 201);
    }

    /** A report recorded by the administrator for a performer (the performer's own systems would send it). */
    String report(UUID residentId, String item, UUID performer, LocalDate date, String status, boolean critical,
                  @Nullable String studyUrl) {
        return ok(admin().post("/api/diagnostics/results", """
                {"residentId":"%s","itemCode":"%s","performerInstitutionId":"%s","status":"%s","resultDate":"%s","critical":%s,
                 "studyUrl":%s,"conclusion":"结论","observations":[{"code":"%s","name":"值","value":"6.1","unit":"%%"}]}"""
                .formatted(residentId, item, performer, status, date, critical, studyUrl == null ? "null" : "\"" + studyUrl + "\"",
                        item)),
                201).get("id").asString();
    }

    String report(String item, UUID performer, int daysAgo) {
        return report(resident, item, performer, today.minusDays(daysAgo), "FINAL", false, null);
    }

    JsonNode offer(String user, String item) {
        return ok(as(user).get("/api/diagnostics/recognisable?residentId=" + resident + "&itemCode=" + item), 200);
    }

    static JsonNode candidate(JsonNode offer, String reportId) {
        for (JsonNode c : offer.get("candidates")) {
            if (c.get("reportId").asString().equals(reportId)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + reportId + " in " + offer);
    }

    static JsonNode ok(Api.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but " + r.status() + " " + r.body());
        }
        return r.body() == null || r.body().isBlank() ? Api.JSON.createObjectNode() : r.json();
    }
}
