package org.medunion.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.IResourceProvider;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsFixture;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.support.Api;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 10, "access follows a care relationship": a generated matrix of personal-data endpoint × caller ×
 * relationship, for REST, FHIR and the console. The world: one "1+1+1" group (community centre P with the GP
 * {@code gp}, lead hospital L with the specialist {@code lead}, district hospital D), a second group (GP {@code gp2}
 * at P2), a Chongqing institution, and one resident per {@link Kind} of relationship as P's GP sees it — contract,
 * own record, a referral L received, a draft referral to L (grants nothing), a booking at L, a break-the-glass by P,
 * an unrelated resident of another institution, one outside the integrator's jurisdiction, and an unknown UUID.
 * <p>
 * Every personal-data endpoint is found, not listed: Spring MVC handlers under /api and /console that take a
 * resident (a {@code /residents/{id}} path, a resident / residentId / idNumber request parameter, or a request body
 * with a residentId or idNumber) and every FHIR resource provider not declared free of personal data. Each must have
 * rows in {@code src/test/resources/security/resident-access-matrix.csv} (GET endpoints a row for every kind) and a
 * probe here, so a new endpoint without a reviewed row fails the build. Writes (side doors: register with a known ID
 * number, link, sign, refer, book naming a resident) run before the reads, so a side door that opened a resident
 * would also show in the read rows. Cells: HTTP status, {@code hit}/{@code miss} for searches (the resident in the
 * answer or not), {@code -} for "not called". Regenerate after review with {@code -Dmedunion.matrix.write=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the fixture maps (users, people) are filled before every test and hold every key the tests look up
@SuppressWarnings("NullAway")
abstract class ResidentAccessMatrixContract extends RunningCity {

    static final String FILE = "src/test/resources/security/resident-access-matrix.csv";
    static final List<String> CALLERS = List.of("gp", "lead", "gp2", "integrator", "planner", "admin");
    /** FHIR resources without resident data (registry, terminology); any other provider needs rows. */
    static final Set<String> FHIR_WITHOUT_PERSONAL_DATA = Set.of("Organization", "OrganizationAffiliation", "Practitioner",
            "PractitionerRole", "CodeSystem", "ValueSet", "NamingSystem", "Schedule", "Slot", "HealthcareService", "Medication",
            "MedicationKnowledge", "Measure", "MeasureReport", "VerificationResult");
    /** FHIR resources with resident data whose relationship rows live elsewhere (with the reason). */
    static final Map<String, String> FHIR_TESTED_ELSEWHERE = Map.of(
            "AuditEvent", "the audit administrator only: AuditTrailContract, ResidentsContract and AccessMatrixContract",
            "Task", "follow-up tasks of referrals the caller's institution received: FollowUpContract",
            "Subscription", "an account's own watches, no resident data in them or in a notification; other accounts get "
                    + "404 and criteria outside the caller's scope 403: ReferralSubscriptionContract",
            "ImagingStudy", "the study of an imaging report, read through the report's scope: DiagnosticsFhirContract (another "
                    + "institution's GP, another jurisdiction, anonymous); the matrix world's reports are lab results",
            "Endpoint", "read only, by the id of an imaging report the caller may read: DiagnosticsFhirContract",
            "Specimen", "the specimen of a lab order to a centre, read and searched with the order's scope: CentreOrderFhirContract "
                    + "(another institution's GP, another jurisdiction, anonymous); the matrix world places no orders");

    /**
     * REST and console paths that take a resident only as a filter of the audit trail: the audit administrator
     * alone may call them (三员), whatever the relationship — AccessMatrixContract (403 for every other demo role)
     * and AuditTrailContract / ConsoleHttpContract test them.
     */
    static final List<String> AUDIT_TRAIL_PATHS = List.of("/api/audit/", "/console/audit");

    /**
     * Console form handlers that take the whole form ({@code @RequestParam MultiValueMap}) and so cannot be told from
     * their signature whether a resident is among the fields: every such handler counts as taking a resident unless it
     * is listed here with the reason — a new form that names a resident cannot slip past the matrix.
     */
    static final Map<String, String> FORMS_WITHOUT_RESIDENT = Map.ofEntries(
            Map.entry("/console/referrals/new/criteria", "direction, destination, department and diagnosis only"),
            Map.entry("/console/referrals/criteria", "the office's referral criteria"),
            Map.entry("/console/referrals/{id}/{action}", "acts on a referral the caller can see; the resident is the referral's"),
            Map.entry("/console/referrals/{id}/medication-stop",
                    "documents a stop on a referral the caller can see (reason and note only)"),
            Map.entry("/console/consultations/{id}/{action}", "acts on a consultation the caller can see; the resident is its own"),
            Map.entry("/console/diagnostics/orders/{id}/{action}", "acts on an order the caller can see; the resident is the order's"),
            Map.entry("/console/pharmacy/prescriptions/{id}/{action}", "review and dispensing of a prescription the caller can see"),
            Map.entry("/console/diagnostics/sterilisation/centres/{id}/{action}",
                    "sterile packs of a centre: batch, member, quantity only"),
            Map.entry("/console/diagnostics/sterilisation/batches/{id}/{action}", "a batch's indicator or recall reason only"),
            Map.entry("/console/pharmacy/prescriptions/{id}/fix", "resubmits the caller's prescription for its own resident (the form's "
                    + "residentId is not read; the REST resubmit's probe covers a body naming another)"),
            Map.entry("/console/consultations/series/new", "a series names its sites, experts and times; no resident"),
            Map.entry("/console/consultations/sessions/{id}/{action}", "records a session the caller is a side of; "
                    + "each resident seen must be one the host cares for (ConsultationSeriesContract)"),
            Map.entry("/console/consultations/{id}/attachments", "attaches to a consultation the caller can see: results "
                    + "of its own resident only (400/404 otherwise) and a document; ConsultationAttachmentContract"),
            Map.entry("/console/consultations/{id}/attachments/message", "a message with attachments on a consultation the "
                    + "caller can see, results of its own resident only; ConsultationAttachmentContract"));

    static final List<Kind> SIDE_DOOR_KINDS = List.of(Kind.UNRELATED, Kind.OUTSIDE_JURISDICTION, Kind.UNKNOWN);

    enum Kind {
        CONTRACT, OWN_RECORD, REFERRAL_RECEIVED, REFERRAL_DRAFT, BOOKING, BREAK_THE_GLASS, UNRELATED, OUTSIDE_JURISDICTION, UNKNOWN
    }

    record Person(UUID id, String idNumber, String name) {
    }

    @FunctionalInterface
    interface Probe {

        String call(String caller, Person p);
    }

    @Autowired
    SchedulingManagement scheduling;

    @Autowired
    org.medunion.scheduling.unscoped.SystemScheduling systemScheduling;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<IResourceProvider> fhirProviders;

    SchedulingFixture.Group g;
    SchedulingFixture.Group other;
    InstitutionId chongqing;
    UUID leadSchedule;
    UUID team;
    final Map<String, String> users = new LinkedHashMap<>();
    final Map<Kind, Person> people = new EnumMap<>(Kind.class);
    final Map<String, Probe> probes = new TreeMap<>();
    final Map<String, ConsoleSession> consoles = new LinkedHashMap<>();
    final Set<UUID> withReport = new HashSet<>();
    final Set<UUID> withExplanation = new HashSet<>();
    final Set<UUID> withPrescription = new HashSet<>();

    @BeforeAll
    void world() {
        g = SchedulingFixture.group(registry, residents, accounts);
        other = SchedulingFixture.group(registry, residents, accounts);
        users.putAll(Map.of("gp", g.gpUser(), "lead", g.leadUser(), "gp2", other.gpUser(), "integrator", "integrator",
                "planner", "planner", "admin", "admin"));
        chongqing = registry.registerInstitution(new RegisterInstitution("重庆测试社区卫生服务中心 " + Long.toString(System.nanoTime(), 36),
                org.medunion.support.RegistrySeeds.creditCode(), InstitutionCategory.COMMUNITY_HEALTH_CENTRE, HospitalLevel.PRIMARY,
                HospitalGrade.UNGRADED, Ownership.PUBLIC, null, Affiliation.DISTRICT, false, "500106", null, null, false,
                "重庆市沙坪坝区", List.of(), List.of())).id();
        var day = LocalDate.now().plusDays(2);
        leadSchedule = systemScheduling.publishSchedules(List.of(new PublishSchedule(g.lead(), "心内科", "心血管内科", null,
                ScheduleKind.OUTPATIENT_SPECIALTY, day, day.plusDays(3), LocalTime.of(8, 0), LocalTime.of(17, 0), 10, 2,
                "1/3", null)), "access-matrix").get(0).id().value();
        team = jdbc.sql("select id from residents_team where institution_id = ?").param(g.primary().value())
                .query(UUID.class).list().get(0);

        people.put(Kind.CONTRACT, known(g.contracted().value()));
        people.put(Kind.OWN_RECORD, registered("gp", "310104", "周一"));
        Person referred = registered("gp", "310104", "吴二");
        ok(Api.as(port, users.get("gp")).post("/api/referrals", referralBody(referred.id(), g.lead().value(), null, true)), 201);
        people.put(Kind.REFERRAL_RECEIVED, referred);
        Person draft = registered("gp", "310104", "郑三");
        ok(Api.as(port, users.get("gp")).post("/api/referrals", referralBody(draft.id(), g.lead().value(), null, false)), 201);
        people.put(Kind.REFERRAL_DRAFT, draft);
        Person booked = registered("gp2", "310104", "王四");
        ok(Api.as(port, "admin").post("/api/scheduling/bookings", "{\"slotId\":\"" + freeSlot() + "\",\"residentId\":\""
                + booked.id() + "\"}"), 201);
        people.put(Kind.BOOKING, booked);
        Person glass = known(other.contracted().value());
        // not asserted here (breakTheGlassIsReported… checks it), so that the world builds on code without it too
        Api.as(port, users.get("gp")).post("/api/residents/" + glass.id() + "/break-glass", "{\"reason\":\"急诊抢救，无法联系签约医生\"}");
        people.put(Kind.BREAK_THE_GLASS, glass);
        people.put(Kind.UNRELATED, known(other.stranger().value()));
        ResidentId outside = residents.importResidents(List.of(new RegisterResident(
                ResidentsFixture.idNumber("500106", ResidentsFixture.birth(), true), "冯五", null, null, null, "500106",
                chongqing, null))).get(0);
        people.put(Kind.OUTSIDE_JURISDICTION, known(outside.value()));
        people.put(Kind.UNKNOWN,
                new Person(UUID.randomUUID(), ResidentsFixture.idNumber("310104", ResidentsFixture.birth(), false), "无此人"));
        var clinical = new ClinicalModuleProbes(port, users, g, jdbc, this::console);
        clinical.world(registry, accounts, people);
        probes();
        clinical.probes(probes);
        clinical.consoleProbes(probes);
    }

    // ------------------------------------------------------------------ the matrix

    @Test
    void everyPersonalDataEndpointTimesCallerTimesRelationshipMatchesTheReviewedMatrix() throws IOException {
        Set<String> endpoints = personalDataEndpoints();
        assertThat(endpoints).as("personal-data endpoints found").hasSizeGreaterThan(15);
        List<String> header = new ArrayList<>(List.of("endpoint", "relationship"));
        header.addAll(CALLERS);
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(FILE), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.equals(String.join(",", header))) {
                int second = line.indexOf(',', line.indexOf(',') + 1);
                expected.put(line.substring(0, second), line.substring(second + 1));
            }
        }
        var problems = new ArrayList<String>();
        for (String endpoint : endpoints) {
            if (!probes.containsKey(endpoint)) {
                problems.add(endpoint + ": personal-data endpoint without a probe in " + getClass().getSimpleName());
            }
            for (Kind k : Kind.values()) {
                String key = endpoint + "," + k;
                if (endpoint.contains("GET ") && !expected.containsKey(key)) {
                    problems.add(key + ": read endpoint without a row for this relationship");
                }
            }
            if (expected.keySet().stream().noneMatch(k -> k.startsWith(endpoint + ","))) {
                problems.add(endpoint + ": personal-data endpoint without a row in " + FILE);
            }
        }
        var rows = new TreeSet<String>(expected.keySet());
        if (Boolean.getBoolean("medunion.matrix.write")) {
            // a fresh proposal to review: reads for every relationship; writes (which would create relationships
            // when allowed) only where every caller must be refused
            for (String endpoint : endpoints) {
                for (Kind k : endpoint.contains("GET ") ? List.of(Kind.values()) : SIDE_DOOR_KINDS) {
                    rows.add(endpoint + "," + k);
                }
            }
        }
        // writes (the side doors) first, then every read sees what they left behind
        var order = new ArrayList<String>(rows);
        order.sort((a, b) -> Boolean.compare(a.contains("GET "), b.contains("GET ")));
        Map<String, String> actual = new LinkedHashMap<>();
        for (String key : order) {
            int comma = key.lastIndexOf(',');
            String endpoint = key.substring(0, comma);
            Kind kind = Kind.valueOf(key.substring(comma + 1));
            Probe probe = probes.get(endpoint);
            if (probe == null) {
                problems.add(key + ": row for an endpoint that has no probe (gone?)");
                continue;
            }
            String[] want = expected.getOrDefault(key, "").split(",", -1);
            var row = new ArrayList<String>();
            for (int i = 0; i < CALLERS.size(); i++) {
                boolean skip = expected.containsKey(key) ? i < want.length && want[i].equals("-")
                        : !endpoint.contains("GET ") && standingAccess(CALLERS.get(i), endpoint);
                row.add(skip ? "-" : probe.call(CALLERS.get(i), people.get(kind)));
            }
            actual.put(key, String.join(",", row));
            if (!String.join(",", row).equals(expected.get(key)) && !Boolean.getBoolean("medunion.matrix.write")) {
                problems.add(key + "," + String.join(",", row) + "   (reviewed: " + expected.get(key) + ")");
            }
        }
        if (Boolean.getBoolean("medunion.matrix.write")) {
            var lines = new ArrayList<String>();
            lines.add(String.join(",", header));
            new TreeMap<>(actual).forEach((k, v) -> lines.add(k + "," + v));
            Files.write(Path.of(FILE), lines, StandardCharsets.UTF_8);
        }
        assertThat(problems).as("endpoint × relationship × caller answers differing from " + FILE + " (columns: "
                + String.join(",", header) + ")").isEmpty();
    }

    /**
     * Proposal for a new write row: callers whose standing access makes the write succeed (and so create a
     * relationship that would blur the read rows) are not called — the administrator everywhere, the integrator
     * for bookings (jurisdiction access).
     */
    private static boolean standingAccess(String caller, String endpoint) {
        return caller.equals("admin") || caller.equals("integrator") && endpoint.contains("booking");
    }

    /** Handlers that take a resident, and FHIR resources with resident data, as "METHOD /path" / "FHIR ...". */
    Set<String> personalDataEndpoints() {
        var out = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                boolean auditTrail = AUDIT_TRAIL_PATHS.stream().anyMatch(path::startsWith);
                if ((path.startsWith("/api/") || path.startsWith("/console/")) && !auditTrail && takesResident(path, method)) {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        out.add("GET " + path);
                    }
                    methods.forEach(m -> out.add(m.name() + " " + path));
                }
            }
        });
        for (IResourceProvider provider : fhirProviders) {
            String type = provider.getResourceType().getSimpleName();
            if (!FHIR_WITHOUT_PERSONAL_DATA.contains(type) && !FHIR_TESTED_ELSEWHERE.containsKey(type)) {
                out.add("FHIR GET " + type + (type.equals("Patient") ? "?identifier" : "?patient"));
            }
        }
        out.add("FHIR GET Patient/{id}");
        out.add("FHIR POST Patient");
        return out;
    }

    private static boolean takesResident(String path, HandlerMethod method) {
        if (takesWholeForm(method) && !FORMS_WITHOUT_RESIDENT.containsKey(path)) {
            return true;
        }
        if (path.matches(".*/residents(/\\{[^}]+})?(/[a-z-]+)?")
                && !path.matches(".*/residents/(teams|contracts|statistics|duplicates|break-glass).*")) {
            return true;
        }
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            String name = rp != null && !rp.value().isEmpty() ? rp.value() : rp != null && !rp.name().isEmpty() ? rp.name()
                    : p.getParameterName();
            if (rp != null && name != null && (name.equals("resident") || name.equals("residentId") || name.equals("idNumber"))) {
                return true;
            }
            if (p.hasParameterAnnotation(RequestBody.class) && p.getParameterType().isRecord()) {
                for (var c : p.getParameterType().getRecordComponents()) {
                    if (c.getName().equals("residentId") || c.getName().equals("idNumber")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean takesWholeForm(HandlerMethod method) {
        for (MethodParameter p : method.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestParam.class) && Map.class.isAssignableFrom(p.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ probes: how each endpoint is asked

    private void probes() {
        // REST reads
        probes.put("GET /api/residents/{id}", (c, p) -> status(api(c).get("/api/residents/" + p.id())));
        probes.put("GET /api/residents", (c, p) -> hit(api(c).get("/api/residents?idNumber=" + p.idNumber()), p));
        probes.put("GET /api/residents/{id}/contracts", (c, p) -> status(api(c).get("/api/residents/" + p.id() + "/contracts")));
        probes.put("GET /api/scheduling/bookings", (c, p) -> hit(api(c).get("/api/scheduling/bookings?resident=" + p.id()), p));
        probes.put("GET /api/referrals", (c, p) -> hit(api(c).get("/api/referrals?box=INBOX&resident=" + p.id()), p));
        probes.put("GET /api/referrals/suggest-destinations", (c, p) -> status(api(c).get(
                "/api/referrals/suggest-destinations?direction=UP&resident=" + p.id())));
        // REST side doors
        probes.put("POST /api/residents", (c, p) -> status(api(c).post("/api/residents",
                "{\"idNumber\":\"" + p.idNumber() + "\",\"name\":\"x\"}")));
        probes.put("POST /api/residents/{id}/links", (c, p) -> status(api(c).post("/api/residents/" + p.id() + "/links",
                "{\"localRecordNumber\":\"MRN-" + c + "\"}")));
        probes.put("POST /api/residents/{id}/break-glass", (c, p) -> status(api(c).post("/api/residents/" + p.id()
                + "/break-glass", "{\"reason\":\"\"}")));
        probes.put("POST /api/residents/contracts", (c, p) -> status(api(c).post("/api/residents/contracts", """
                {"residentId":"%s","teamId":"%s","districtHospitalId":"%s","municipalHospitalId":"%s"}"""
                .formatted(p.id(), team, g.district(), g.lead()))));
        probes.put("POST /api/referrals", (c, p) -> status(api(c).post("/api/referrals", referralBody(p.id(),
                c.equals("lead") ? g.district().value() : g.lead().value(),
                c.equals("admin") || c.equals("integrator") ? g.primary().value() : null, false))));
        probes.put("POST /api/scheduling/bookings", (c, p) -> status(api(c).post("/api/scheduling/bookings",
                "{\"slotId\":\"" + freeSlot() + "\",\"residentId\":\"" + p.id() + "\"}")));
        // FHIR
        probes.put("FHIR GET Patient/{id}", (c, p) -> status(api(c).getFhir("/fhir/Patient/" + p.id())));
        probes.put("FHIR GET Patient?identifier", (c, p) -> hit(api(c).getFhir("/fhir/Patient?identifier="
                + enc("urn:oid:2.16.156.10011.1.3|" + p.idNumber())), p));
        probes.put("FHIR GET CareTeam?patient", (c, p) -> entries(api(c).getFhir("/fhir/CareTeam?patient=Patient/" + p.id()), p));
        probes.put("FHIR GET Appointment?patient", (c, p) -> entries(api(c).getFhir("/fhir/Appointment?patient=Patient/" + p.id()), p));
        probes.put("FHIR GET ServiceRequest?patient",
                (c, p) -> entries(api(c).getFhir("/fhir/ServiceRequest?patient=Patient/" + p.id()), p));
        probes.put("FHIR POST Patient", (c, p) -> status(api(c).postFhir("/fhir/Patient", """
                {"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.156.10011.1.3","value":"%s"}],
                 "name":[{"text":"x"}]}""".formatted(p.idNumber()))));
        // console
        probes.put("GET /console/residents/{id}", (c, p) -> String.valueOf(console(c).get("/console/residents/" + p.id()).status()));
        probes.put("GET /console/residents", (c, p) -> consoleHit(console(c).get("/console/residents?idNumber=" + p.idNumber()), p));
        probes.put("GET /console/referrals/new/residents", (c, p) -> consoleHit(console(c).getHtmx(
                "/console/referrals/new/residents?q=" + p.idNumber()), p));
        probes.put("GET /console/referrals/new/destinations", (c, p) -> {
            var page = console(c).getHtmx("/console/referrals/new/destinations?direction=UP&residentId=" + p.id());
            // a suggestion names a destination picked for this resident (contract hospitals first)
            return page.status() != 200 ? String.valueOf(page.status())
                    : page.body().matches("(?s).*<option value=\"[0-9a-f-]{36}\".*") ? "suggested" : "none";
        });
        probes.put("POST /console/referrals/new", (c, p) -> {
            long before = rows("referral_referral", p);
            var s = console(c);
            var page = s.post("/console/referrals/new", Map.of("direction", "UP", "residentId", p.id().toString(),
                    "toInstitutionId", (c.equals("lead") ? g.district() : g.lead()).toString(), "toDepartment", "心内科",
                    "reason", "血压控制不佳", "diagnosisCode", "I10", "diagnosisText", "原发性高血压", "urgency", "ROUTINE",
                    "noCriteriaReason", "专科评估需要"), s.get("/console/referrals/new"));
            return page.status() + (rows("referral_referral", p) > before ? "+created" : "");
        });
        probes.put("POST /console/residents", (c, p) -> {
            var s = console(c);
            var page = s.post("/console/residents", Map.of("idNumber", p.idNumber(), "name", "x"), s.get("/console/residents"));
            return page.status() == 302 ? "302" : page.status() + (page.body().contains(p.id().toString()) ? "+shown" : "");
        });
        probes.put("POST /console/residents/{id}/contracts", (c, p) -> {
            long before = contracts(p);
            var s = console(c);
            s.post("/console/residents/" + p.id() + "/contracts", Map.of("teamId", team.toString(), "districtHospitalId",
                    g.district().toString(), "municipalHospitalId", g.lead().toString()), s.get("/console/residents"));
            return contracts(p) > before ? "signed" : "refused";
        });
        probes.put("POST /console/schedules/book", (c, p) -> {
            long before = bookings(p);
            var s = console(c);
            s.post("/console/schedules/book", Map.of("slotId", freeSlot().toString(), "residentId", p.id().toString()),
                    s.get("/console/residents"));
            return bookings(p) > before ? "booked" : "refused";
        });

        // diagnostics console (issue 15, h/diag): the order form with a resident chosen, the recognition offer fragment
        // (the demo catalogue's HbA1c: "shown" when the offer for the resident renders, else "refused")
        // (the page's links repeat its query, so a hit is the resident offered in the picker, not the id anywhere)
        probes.put("GET /console/diagnostics/order", (c, p) -> {
            var page = console(c).get("/console/diagnostics/order?residentId=" + p.id() + "&itemCode=HBA1C");
            return page.status() != 200 ? String.valueOf(page.status())
                    : page.body().contains("value=\"" + p.id() + "\"") ? "hit" : "miss";
        });
        probes.put("GET /console/diagnostics/order/offer", (c, p) -> {
            var page = console(c).getHtmx("/console/diagnostics/order/offer?residentId=" + p.id() + "&itemCode=HBA1C");
            return page.status() != 200 ? String.valueOf(page.status()) : page.body().contains("offer-window") ? "shown" : "refused";
        });
        // FHIR DiagnosticReport / Observation: every known resident has one HbA1c report of the lead (recorded once)
        probes.put("FHIR GET DiagnosticReport?patient", (c, p) -> entries(api(c).getFhir("/fhir/DiagnosticReport?patient=Patient/"
                + reported(p)), p));
        probes.put("FHIR GET Observation?patient", (c, p) -> entries(api(c).getFhir("/fhir/Observation?patient=Patient/"
                + reported(p)), p));
        // FHIR Communication (NAT-R-8): every known resident has one patient explanation prepared at the lead (stored once).
        // The consultation kinds (Communication consultation-…, Appointment …-session; decision 0245) find nothing in this
        // world, which asks for no consultations; their outsider, office and side-door tests are in
        // ConsultationConversationFhirContract and ConsultationSessionFhirContract.
        probes.put("FHIR GET Communication?patient", (c, p) -> entries(api(c).getFhir("/fhir/Communication?patient=Patient/"
                + explained(p)), p));
        probes.put("FHIR GET Patient/{id}/$recognisable", (c, p) -> {
            var r = api(c).getFhir("/fhir/Patient/" + reported(p) + "/$recognisable?code=HBA1C");
            return r.status() != 200 ? String.valueOf(r.status()) : r.body().contains("\"candidate\"") ? "shown" : "empty";
        });
        // FHIR consultation records (issue 14): the consent, the signed opinion and the price item (TM-13) of
        // consultations the caller is a side of
        for (String type : List.of("Consent", "DocumentReference", "Provenance", "ChargeItem")) {
            probes.put("FHIR GET " + type + "?patient", (c, p) -> entries(api(c).getFhir("/fhir/" + type + "?patient=Patient/"
                    + p.id()), p));
        }
        // ---- pharmacy (branch pharm, issue 16): the prescriber's resident picker, scoped by the residents module
        probes.put("GET /console/pharmacy/prescribe/residents", (c, p) -> consoleHit(console(c).getHtmx(
                "/console/pharmacy/prescribe/residents?q=" + p.idNumber()), p));
        // FHIR pharmacy (issue 16, h/pharmacy): one prescription of the gp's institution per resident the gp may prescribe
        // for, reviewed by the lead hospital's pharmacist and dispensed at the gp's institution (recorded once)
        for (String type : List.of("MedicationRequest", "DetectedIssue", "MedicationDispense")) {
            probes.put("FHIR GET " + type + "?patient", (c, p) -> entries(api(c).getFhir("/fhir/" + type + "?patient=Patient/"
                    + prescribed(p)), p));
        }
    }

    // ------------------------------------------------------------------ the break-the-glass report and the audit

    @Test
    void breakTheGlassIsReportedToTheContractedInstitutionAndAuditedWithItsPurpose() {
        Person glass = people.get(Kind.BREAK_THE_GLASS);
        var report = Api.as(port, other.gpUser()).get("/api/residents/break-glass");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).contains(glass.id().toString()).contains("急诊抢救").contains(g.gpUser());
        assertThat(Api.as(port, g.gpUser()).get("/api/residents/break-glass").body()).doesNotContain(glass.id().toString());
        var page = console("gp2").get("/console/residents");
        assertThat(page.body()).contains("break-glass-reports").contains("急诊抢救").contains(glass.id().toString());
        assertThat(Api.as(port, g.gpUser()).post("/api/residents/" + glass.id() + "/break-glass", "{\"reason\":\" \"}").json()
                .get("field").asString()).isEqualTo("reason");
        Api.as(port, g.gpUser()).get("/api/residents/" + glass.id());
        assertThat(jdbc.sql("select count(*) from audit_event where resident_ref = ? and detail like 'purpose BREAK_THE_GLASS%'")
                .param(glass.id().toString()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReplayIsWithheldOnceTheCareRelationshipBehindTheFirstAnswerHasEnded() {
        ResidentId resident = residents.importResidents(List.of(new RegisterResident(
                ResidentsFixture.idNumber("310104", ResidentsFixture.birth(), false), "钱六", null, null, null, "310104",
                other.primary(), null))).get(0);
        String path = "/api/residents/" + resident.value() + "/break-glass";
        var headers = Map.of("Idempotency-Key", "glass-" + UUID.randomUUID(), "Content-Type", "application/json");
        String body = "{\"reason\":\"夜间急诊，签约医生无法联系\"}";
        var first = Api.as(port, g.gpUser()).send("POST", path, body, headers);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var whileInForce = Api.as(port, g.gpUser()).send("POST", path, body, headers);
        assertThat(whileInForce.status()).isEqualTo(201);
        assertThat(whileInForce.header("Idempotent-Replayed")).isEqualTo("true");

        // the grant runs out (its expiry moved to the past instead of waiting for it)
        jdbc.sql("update residents_break_glass set expires_at = ? where resident_id = ?")
                .param(Timestamp.from(Instant.now().minusSeconds(60))).param(resident.value()).update();
        long readsBefore = jdbc.sql("select count(*) from audit_event where resident_ref = ?").param(resident.value().toString())
                .query(Long.class).single();
        var afterEnd = Api.as(port, g.gpUser()).send("POST", path, body, headers);
        assertThat(afterEnd.status()).as(afterEnd.body()).isEqualTo(403);
        assertThat(afterEnd.json().get("code").asString()).isEqualTo("SHARED-0004");
        assertThat(afterEnd.body()).as("nothing of the first answer").doesNotContain(first.json().get("id").asString())
                .doesNotContain("夜间急诊");
        assertThat(jdbc.sql("select count(*) from audit_event where resident_ref = ?").param(resident.value().toString())
                .query(Long.class).single()).as("nothing was read").isEqualTo(readsBefore);
    }

    @Test
    void aKnownIdNumberUnderAnotherNameLinksNothingRevealsNothingAndWaitsForReview() {
        Person stranger = people.get(Kind.UNRELATED);
        var r = Api.as(port, g.gpUser()).post("/api/residents", "{\"idNumber\":\"" + stranger.idNumber() + "\",\"name\":\"x\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("field").asString()).isEqualTo("name");
        assertThat(r.body()).doesNotContain(stranger.name()).doesNotContain(stranger.id().toString())
                .doesNotContain(stranger.idNumber().substring(6, 14));
        assertThat(Api.as(port, g.gpUser()).get("/api/residents/" + stranger.id()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from residents_registration_review where resident_id = ? and given_name = 'x'")
                .param(stranger.id()).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from residents_record_link where resident_id = ? and source_institution = ?")
                .params(stranger.id(), g.primary().value()).query(Long.class).single()).isZero();
    }

    @Test
    void aReferralOrBookingNamingAForeignResidentIsRefusedLikeAnUnknownOne() {
        Api gp = Api.as(port, g.gpUser());
        var foreign = gp.post("/api/referrals", referralBody(people.get(Kind.UNRELATED).id(), g.lead().value(), null, true));
        var unknown = gp.post("/api/referrals", referralBody(people.get(Kind.UNKNOWN).id(), g.lead().value(), null, true));
        assertThat(foreign.status()).isEqualTo(400).isEqualTo(unknown.status());
        assertThat(foreign.json().get("code").asString()).isEqualTo("REFERRAL-0015").isEqualTo(unknown.json().get("code").asString());
        assertThat(foreign.json().get("field").asString()).isEqualTo("residentId");
        Api lead = Api.as(port, g.leadUser());
        var booking = lead.post("/api/scheduling/bookings", "{\"slotId\":\"" + freeSlot() + "\",\"residentId\":\""
                + people.get(Kind.UNRELATED).id() + "\"}");
        var unknownBooking = lead.post("/api/scheduling/bookings", "{\"slotId\":\"" + freeSlot() + "\",\"residentId\":\""
                + people.get(Kind.UNKNOWN).id() + "\"}");
        assertThat(booking.status()).isEqualTo(403).isEqualTo(unknownBooking.status());
        assertThat(booking.json().get("code").asString()).isEqualTo(unknownBooking.json().get("code").asString());
        assertThat(gp.get("/api/residents/" + people.get(Kind.UNRELATED).id()).status()).isEqualTo(404);
        assertThat(lead.get("/api/residents/" + people.get(Kind.UNRELATED).id()).status()).isEqualTo(404);
    }

    @Test
    void theIntegratorStaysInsideItsJurisdictionForReferralsAndRegistrations() {
        // a Chongqing referral, sent by the system administrator for the Chongqing centre's own resident
        var cq2 = registry.registerInstitution(new RegisterInstitution("重庆测试医院 " + Long.toString(System.nanoTime(), 36),
                org.medunion.support.RegistrySeeds.creditCode(), InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY,
                HospitalGrade.UNGRADED, Ownership.PUBLIC, null, Affiliation.DISTRICT, false, "500106", null, null, false,
                "重庆市沙坪坝区", List.of(), List.of())).id();
        // a resident of its own (not the matrix's OUTSIDE_JURISDICTION one), so the matrix does not depend on test order
        String idNumber = ResidentsFixture.idNumber("500106", ResidentsFixture.birth(), false);
        Person outside = known(residents.importResidents(List.of(new RegisterResident(idNumber, "褚六", null, null, null,
                "500106", chongqing, null))).get(0).value());
        var created = Api.as(port, "admin").post("/api/referrals", """
                {"direction":"UP","fromInstitutionId":"%s","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳","diagnosisCode":"I10","diagnosisText":"原发性高血压","urgency":"ROUTINE",
                 "noCriteriaReason":"专科评估需要","submit":true}""".formatted(chongqing, cq2, outside.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api integrator = Api.as(port, "integrator");
        assertThat(integrator.get("/api/referrals/" + id).status()).isEqualTo(404);
        assertThat(integrator.post("/api/referrals/" + id + "/cancel", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(integrator.get("/api/referrals?box=INBOX&limit=500").body()).doesNotContain(id);
        assertThat(Api.as(port, "admin").get("/api/referrals/" + id).json().get("status").asString()).isEqualTo("SUBMITTED");
        // ...while a Shanghai referral is the integrator's business
        var shanghai = Api.as(port, g.gpUser()).get("/api/referrals?box=OUTBOX&resident=" + people.get(Kind.REFERRAL_RECEIVED).id());
        String sid = shanghai.json().get(0).get("id").asString();
        assertThat(integrator.get("/api/referrals/" + sid).status()).isEqualTo(200);
        // registering a record for an institution outside the jurisdiction is refused
        var reg = integrator.post("/api/residents", """
                {"idNumber":"%s","name":"冯五","sourceInstitutionId":"%s"}""".formatted(outside.idNumber(), chongqing));
        assertThat(reg.status()).as(reg.body()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ helpers

    private Api api(String caller) {
        return Api.as(port, users.get(caller));
    }

    private ConsoleSession console(String caller) {
        return consoles.computeIfAbsent(caller, c -> ConsoleSession.login(port, users.get(c)));
    }

    private Person registered(String caller, String region, String name) {
        String idNumber = ResidentsFixture.idNumber(region, ResidentsFixture.birth(), true);
        var r = ok(api(caller).post("/api/residents", "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\"}"), 201);
        return new Person(UUID.fromString(r.json().get("resident").get("id").get("value").asString()), idNumber, name);
    }

    private Person known(UUID id) {
        return jdbc.sql("select id, id_number, name from residents_resident where id = ?").param(id)
                .query((rs, n) -> new Person(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).single();
    }

    private UUID freeSlot() {
        return jdbc.sql("""
                select id from scheduling_slot where schedule_id = ? and status = 'FREE' and pool = 'PUBLIC'
                 order by start_at limit 1""").param(leadSchedule).query(UUID.class).single();
    }

    long rows(String table, Person p) {
        return jdbc.sql("select count(*) from " + table + " where resident_id = ?").param(p.id()).query(Long.class).single();
    }

    private long contracts(Person p) {
        return jdbc.sql("select count(*) from residents_contract where resident_id = ?").param(p.id()).query(Long.class).single();
    }

    private long bookings(Person p) {
        return jdbc.sql("select count(*) from scheduling_booking where resident_id = ?").param(p.id()).query(Long.class).single();
    }

    private String referralBody(UUID resident, UUID to, @Nullable UUID from, boolean submit) {
        return """
                {"direction":"UP",%s"toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳","diagnosisCode":"I10","diagnosisText":"原发性高血压","urgency":"ROUTINE",
                 "noCriteriaReason":"专科评估需要","submit":%s}"""
                .formatted(from == null ? "" : "\"fromInstitutionId\":\"" + from + "\",", to, resident, submit);
    }

    static Api.Response ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r;
    }

    /**
     * The person's id, after the gp prescribed amlodipine for them (refused without a care relationship), the lead
     * hospital's pharmacist approved it (RX-11) and the gp's institution's pharmacist dispensed it.
     */
    private UUID prescribed(Person p) {
        if (withPrescription.add(p.id())) {
            var rx = api("gp").post("/api/pharmacy/prescriptions", """
                    {"residentId":"%s","encounterType":"OUTPATIENT","diagnosisCode":"I10","diagnosisText":"原发性高血压",
                     "items":[{"drugCode":"F0001","dose":5,"frequency":"QD","daysSupply":7}]}""".formatted(p.id()));
            if (rx.status() == 201) {
                String id = rx.json().get("id").asString();
                ok(Api.as(port, pharmacist(g.lead().value())).post("/api/pharmacy/prescriptions/" + id + "/approve", "{}"), 200);
                ok(Api.as(port, pharmacist(g.primary().value())).post("/api/pharmacy/prescriptions/" + id + "/dispense", "{}"), 200);
            }
        }
        return p.id();
    }

    private String pharmacist(UUID institution) {
        String name = "matrix-ph-" + institution.toString().substring(0, 8);
        accounts.ensureAccount(new NewAccount(name, "demo", "药师 " + name, Role.PHARMACIST, Scope.institution(institution)));
        return name;
    }

    /** The person's id, after the administrator recorded one demo-catalogue HbA1c report of the lead for them. */
    private UUID explained(Person p) {
        if (withExplanation.add(p.id())) {
            jdbc.sql("""
                    insert into diagnostics_explanation (decision_id, resident_id, item_code, reason_code, text, ordering_institution_id,
                      decided_by, prepared_at) values (?, ?, 'HBA1C', '01', '说明', ?, 'matrix', ?)""")
                    .params(UUID.randomUUID(), p.id(), g.lead().value(), java.sql.Timestamp.from(java.time.Instant.now())).update();
        }
        return p.id();
    }

    private UUID reported(Person p) {
        if (withReport.add(p.id())) {
            api("admin").post("/api/diagnostics/results", """
                    {"residentId":"%s","itemCode":"HBA1C","performerInstitutionId":"%s","status":"FINAL","resultDate":"%s",
                     "observations":[{"code":"HBA1C","name":"糖化血红蛋白A1c","value":"6.2","unit":"%%"}]}"""
                    .formatted(p.id(), g.lead().value(), LocalDate.now().minusDays(3)));
        }
        return p.id();
    }

    static String status(Api.Response r) {
        assertThat(r.status()).as("no 5xx: " + r.body()).isLessThan(500);
        return String.valueOf(r.status());
    }

    static String hit(Api.Response r, Person p) {
        if (r.status() != 200) {
            return status(r);
        }
        return r.body().contains(p.id().toString()) ? "hit" : "miss";
    }

    /** A FHIR search: hit when the Bundle has entries (its self link names the patient either way). */
    private static String entries(Api.Response r, Person p) {
        if (r.status() != 200) {
            return status(r);
        }
        var entry = r.json().get("entry");
        return entry != null && !entry.isEmpty() ? "hit" : "miss";
    }

    static String consoleHit(ConsoleSession.Page page, Person p) {
        if (page.status() != 200) {
            return String.valueOf(page.status());
        }
        return page.body().contains(p.id().toString()) ? "hit" : "miss";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
