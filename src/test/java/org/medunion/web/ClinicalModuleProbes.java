package org.medunion.web;

import static org.medunion.web.ResidentAccessMatrixContract.hit;
import static org.medunion.web.ResidentAccessMatrixContract.ok;
import static org.medunion.web.ResidentAccessMatrixContract.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.AgreementType;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegistryManagement;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.web.ResidentAccessMatrixContract.Kind;
import org.medunion.web.ResidentAccessMatrixContract.Person;
import org.medunion.web.ResidentAccessMatrixContract.Probe;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The matrix's world and probes for the clinical modules — consultation, diagnostics, pharmacy (issues 14–16). Their
 * endpoints name a resident in a request body or parameter; each probe asks what a caller would ask for the
 * relationship's resident, with a body that succeeds when the relationship allows it, so a refusal in the matrix is
 * the resident check and not a malformed request. The world: a cooperation agreement between the group's three
 * institutions (TM-1), a lab item on the 310104 list with QC at the lead hospital, a lab centre the lead runs for the
 * community centre and the district hospital with its own centre staff, one final report from the lead hospital for
 * every resident of the matrix with a re-examination decision of the community centre's (so a read shows whether it
 * reaches the caller), and one prescription and one received
 * order of the GP's for the contracted resident (for the side doors on existing records).
 */
final class ClinicalModuleProbes {

    private final int port;
    private final Map<String, String> users;
    private final SchedulingFixture.Group g;
    private final JdbcClient jdbc;
    private final Function<String, ConsoleSession> console;
    private final String tag = Long.toString(System.nanoTime(), 36);
    private final String item = "MX-" + tag;
    private final String centreStaff = "mxcs-" + tag;
    private String centre = "";
    private final String imaging = "MXI-" + tag;
    private String imagingCentre = "";
    private String prescription = "";

    ClinicalModuleProbes(int port, Map<String, String> users, SchedulingFixture.Group g, JdbcClient jdbc,
                         Function<String, ConsoleSession> console) {
        this.port = port;
        this.users = users;
        this.g = g;
        this.jdbc = jdbc;
        this.console = console;
    }

    void world(RegistryManagement registry, AccountManagement accounts, Map<Kind, Person> people) {
        var today = LocalDate.now();
        registry.recordAgreement(g.consortium(), new RecordAgreement(AgreementType.COOPERATION, "远程医疗合作协议 " + tag,
                List.of(g.lead(), g.primary(), g.district()), today.minusYears(1), today.plusYears(2), today.minusYears(1),
                "牵头医院提供远程会诊", "成员单位享有会诊服务", "共享会诊意见", "按工作量分配", null));
        accounts.ensureAccount(
                new NewAccount(centreStaff, "demo", "Centre " + tag, Role.CENTRE_STAFF, Scope.institution(g.lead().value())));
        Api admin = Api.as(port, "admin");
        ok(admin.put("/api/diagnostics/items", """
                {"code":"%s","name":"糖化血红蛋白A1c","kind":"LAB","unit":"%%","referenceRange":"4.0-6.0","listPrice":60.00}"""
                .formatted(item)), 200);
        ok(admin.post("/api/diagnostics/lists", """
                {"jurisdiction":"310104","validFrom":"%s","entries":[{"itemCode":"%s","windowDays":60}]}"""
                .formatted(today.minusYears(1), item)), 201);
        ok(admin.post("/api/diagnostics/qc", """
                {"institutionId":"%s","itemCode":"%s","passed":true,"level":"NATIONAL","scopeLabel":"全国","validFrom":"%s",
                 "validUntil":"%s"}""".formatted(g.lead(), item, today.minusYears(1), today.plusYears(1))), 201);
        centre = ok(admin.post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"LAB","name":"医学检验中心 %s","members":["%s","%s"],
                 "turnaroundHours":{"LAB":12}}""".formatted(g.consortium(), g.lead(), tag, g.primary(), g.district())), 201)
                .json().get("id").asString();
        // an imaging item and centre: the exam slots an order there may book (SC-4, SC-6)
        ok(admin.put("/api/diagnostics/items", """
                {"code":"%s","name":"胸部CT平扫","kind":"IMAGING","listPrice":240.00}""".formatted(imaging)), 200);
        imagingCentre = ok(admin.post("/api/diagnostics/centres", """
                {"consortiumId":"%s","institutionId":"%s","type":"IMAGING","name":"医学影像中心 %s","members":["%s","%s"],
                 "turnaroundHours":{"IMAGING":24}}""".formatted(g.consortium(), g.lead(), tag, g.primary(), g.district())), 201)
                .json().get("id").asString();
        people.forEach((kind, p) -> {
            if (kind != Kind.UNKNOWN) {
                ok(admin.post("/api/diagnostics/results", report(p.id(), g.lead().value(), today.minusDays(10))), 201);
                ok(admin.post("/api/diagnostics/decisions", decision(p.id(), true)), 201);
            }
        });
        prescription = ok(api("gp").post("/api/pharmacy/prescriptions", prescription(g.contracted().value())), 201)
                .json().get("id").asString();
    }

    void probes(Map<String, Probe> probes) {
        // consultation
        probes.put("POST /api/consultations", (c, p) -> status(api(c).post("/api/consultations", consultation(c, p.id()))));
        probes.put("POST /console/consultations/new", (c, p) -> {
            long before = consultations(p.id());
            var s = console.apply(c);
            var page = s.post("/console/consultations/new", Map.of("type", "REMOTE", "urgency", "ROUTINE", "residentId",
                    p.id().toString(), "toInstitutionId", (c.equals("lead") ? g.district() : g.lead()).toString(), "toDepartment",
                    "心内科", "reason", "血压控制不佳", "purpose", "调整降压方案", "recordSummary", "近两周血压 170/100",
                    "consentSigner", "PATIENT", "consentSignedOn", LocalDate.now().minusDays(1).toString()),
                    s.get("/console/consultations/new"));
            return page.status() + (consultations(p.id()) > before ? "+created" : "");
        });
        probes.put("GET /api/consultations/destinations", (c, p) -> status(api(c).get(
                "/api/consultations/destinations?residentId=" + p.id())));
        probes.put("GET /console/consultations/new/destinations", (c, p) -> {
            var page = console.apply(c).getHtmx("/console/consultations/new/destinations?residentId=" + p.id());
            // the ranked group appears only when routing read this resident's contract and zone (TM-15, SH-15)
            return page.status() != 200 ? String.valueOf(page.status()) : page.body().contains("<optgroup") ? "suggested" : "none";
        });
        // the new-request form's result picker (decision 0260): the resident's results only where the caller may read them
        probes.put("GET /console/consultations/new/results", (c, p) -> {
            var page = console.apply(c).getHtmx("/console/consultations/new/results?residentId=" + p.id());
            return page.status() != 200 ? String.valueOf(page.status()) : page.body().contains("name=\"reportId\"") ? "results" : "none";
        });
        // the session's resident picker answers only inside a session the caller sees: without one, nobody learns anything
        probes.put("GET /console/consultations/sessions/{id}/residents", (c, p) -> String.valueOf(console.apply(c)
                .getHtmx("/console/consultations/sessions/" + UUID.randomUUID() + "/residents?q=" + p.idNumber()).status()));
        probes.put("GET /console/consultations/new/residents", (c, p) -> ResidentAccessMatrixContract.consoleHit(console.apply(c)
                .getHtmx("/console/consultations/new/residents?q=" + p.idNumber()), p));
        // diagnostics: reads
        probes.put("GET /api/diagnostics/results", (c, p) -> hit(api(c).get("/api/diagnostics/results?residentId=" + p.id()), p));
        probes.put("GET /api/diagnostics/recognisable", (c, p) -> status(api(c).get("/api/diagnostics/recognisable?residentId="
                + p.id() + "&itemCode=" + item)));
        probes.put("GET /api/diagnostics/decisions", (c, p) -> hit(api(c).get("/api/diagnostics/decisions?residentId=" + p.id()), p));
        probes.put("GET /api/diagnostics/orders/exam-slots", (c, p) -> status(api(c).get(examSlots("/api/diagnostics/orders", p.id()))));
        probes.put("GET /console/diagnostics/order/exam-slots", (c, p) -> {
            var page = console.apply(c).getHtmx(examSlots("/console/diagnostics/order", p.id()));
            return page.status() != 200 ? String.valueOf(page.status()) : page.body().contains("exam-slot-choice") ? "shown" : "refused";
        });
        // diagnostics: side doors
        probes.put("POST /api/diagnostics/results", (c, p) -> status(api(c).post("/api/diagnostics/results",
                report(p.id(), standing(c) ? g.lead().value() : null, LocalDate.now().minusDays(3)))));
        probes.put("POST /api/diagnostics/decisions", (c, p) -> status(api(c).post("/api/diagnostics/decisions",
                decision(p.id(), standing(c)))));
        probes.put("POST /api/diagnostics/orders", (c, p) -> status(api(c).post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(p.id(), item, centre))));
        probes.put("POST /api/diagnostics/orders/{id}/report", this::reportOnAReceivedOrder);
        probes.put("GET /console/diagnostics/order/residents", (c, p) -> ResidentAccessMatrixContract.consoleHit(console.apply(c)
                .getHtmx("/console/diagnostics/order/residents?q=" + p.idNumber()), p));
        probes.put("POST /console/diagnostics/order", (c, p) -> {
            long before = rows("diagnostics_order", p.id());
            var s = console.apply(c);
            var page = s.post("/console/diagnostics/order", Map.of("residentId", p.id().toString(), "itemCode", item, "centreId",
                    centre, "choice", "reexamine", "reasonCode", "01"), s.get("/console/diagnostics/order"));
            return page.status() + (rows("diagnostics_order", p.id()) > before ? "+created" : "");
        });
        // pharmacy: side doors
        probes.put("POST /api/pharmacy/prescriptions", (c, p) -> status(api(c).post("/api/pharmacy/prescriptions",
                prescription(p.id()))));
        probes.put("POST /api/pharmacy/prescriptions/{id}/resubmit", (c, p) -> status(api(c).post("/api/pharmacy/prescriptions/"
                + prescription + "/resubmit", prescription(p.id()))));
    }

    /** The exam slots an imaging order at the lead's imaging centre may book for the resident (REST or console fragment). */
    private String examSlots(String base, UUID resident) {
        return base + "/exam-slots?centreId=" + imagingCentre + "&residentId=" + resident + "&itemCode=" + imaging;
    }

    /** The console's prescriber form, and its live pre-screen (a read of the resident's prescriptions: audited). */
    void consoleProbes(Map<String, Probe> probes) {
        probes.put("POST /console/pharmacy/prescribe", (c, p) -> {
            long before = rows("pharmacy_prescription", p.id());
            var s = console.apply(c);
            var page = s.post("/console/pharmacy/prescribe", prescriptionForm(p.id()), s.get("/console/pharmacy/prescribe"));
            return page.status() + (rows("pharmacy_prescription", p.id()) > before ? "+created" : "");
        });
        probes.put("POST /console/pharmacy/prescribe/check", (c, p) -> {
            long before = audited(p.id());
            var s = console.apply(c);
            var page = s.post("/console/pharmacy/prescribe/check", prescriptionForm(p.id()), s.get("/console/pharmacy/prescribe"));
            return page.status() + (audited(p.id()) > before ? "+read" : "");
        });
    }

    private static Map<String, String> prescriptionForm(UUID resident) {
        return Map.of("residentId", resident.toString(), "encounterType", "OUTPATIENT", "diagnosisCode", "I10", "diagnosisText",
                "原发性高血压", "drugCode", "F0001", "dose", "5", "frequency", "QD", "daysSupply", "7");
    }

    private long rows(String table, UUID resident) {
        return jdbc.sql("select count(*) from " + table + " where resident_id = ?").param(resident).query(Long.class).single();
    }

    private long audited(UUID resident) {
        return jdbc.sql("select count(*) from audit_event where resident_ref = ?").param(resident.toString()).query(Long.class)
                .single();
    }

    /**
     * A report posted on a fresh order of the GP's for the contracted resident, naming the probed resident: the report
     * belongs to the order's resident whatever the body says, so "+named" would show a report attached to the named one.
     */
    private String reportOnAReceivedOrder(String caller, Person p) {
        UUID contracted = g.contracted().value();
        String order = ok(api("gp").post("/api/diagnostics/orders", """
                {"residentId":"%s","itemCode":"%s","centreId":"%s"}""".formatted(contracted, item, centre)), 201)
                .json().get("id").asString();
        ok(Api.as(port, centreStaff).post("/api/diagnostics/orders/" + order + "/receive", "{}"), 200);
        long before = reports(p.id());
        String answer = status(api(caller).post("/api/diagnostics/orders/" + order + "/report",
                report(p.id(), null, LocalDate.now())));
        return p.id().equals(contracted) || reports(p.id()) == before ? answer : answer + "+named";
    }

    private long consultations(UUID resident) {
        return rows("consultation_consultation", resident);
    }

    private long reports(UUID resident) {
        return rows("diagnostics_report", resident);
    }

    /** A re-examination with reason 01; administrators and the integrator name the community centre as the orderer. */
    private String decision(UUID resident, boolean namesOrderer) {
        return """
                {"residentId":"%s","itemCode":"%s",%s"reasonCode":"01"}""".formatted(resident, item,
                namesOrderer ? "\"orderingInstitutionId\":\"" + g.primary() + "\"," : "");
    }

    /** Administrators and the integrator act for an institution they name; everyone else acts for their own. */
    private static boolean standing(String caller) {
        return caller.equals("admin") || caller.equals("integrator");
    }

    private Api api(String caller) {
        return Api.as(port, users.get(caller));
    }

    private String report(UUID resident, @org.jspecify.annotations.Nullable UUID performer, LocalDate date) {
        return """
                {"residentId":"%s","itemCode":"%s",%s"status":"FINAL","resultDate":"%s","critical":false,"conclusion":"未见异常",
                 "observations":[{"code":"%s","name":"糖化血红蛋白","value":"6.1","unit":"%%"}]}"""
                .formatted(resident, item, performer == null ? "" : "\"performerInstitutionId\":\"" + performer + "\",", date, item);
    }

    private static String prescription(UUID resident) {
        return """
                {"residentId":"%s","encounterType":"OUTPATIENT","diagnosisCode":"I10","diagnosisText":"原发性高血压",
                 "items":[{"drugCode":"F0001","dose":5,"frequency":"QD","daysSupply":7}]}""".formatted(resident);
    }

    private String consultation(String caller, UUID resident) {
        var to = caller.equals("lead") ? g.district() : g.lead();
        return """
                {"type":"REMOTE","urgency":"ROUTINE",%s"toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳","purpose":"调整降压方案","proposedTime":"2030-01-01T02:00:00Z",
                 "recordSummary":"近两周血压 170/100，已用氨氯地平","invitedSpecialty":"心血管内科","invitedTitle":"主任医师",
                 "consentSigner":"PATIENT","consentSignedOn":"%s"}"""
                .formatted(standing(caller) ? "\"fromInstitutionId\":\"" + g.primary() + "\"," : "", to, resident,
                        LocalDate.now().minusDays(1));
    }
}
