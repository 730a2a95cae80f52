package org.medunion.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.fhir.FhirContract.enc;
import static org.medunion.fhir.FhirLastUpdatedContract.TIMES;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medunion.registry.AddMember;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.EndMembership;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsFixture;
import org.medunion.residents.ResidentsFixture.Site;
import org.medunion.scheduling.BookSlot;
import org.medunion.scheduling.PublishSchedule;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.unscoped.SystemScheduling;
import org.medunion.support.Api;
import org.medunion.support.FhirValidation;
import org.medunion.support.RegistrySeeds;
import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, the rest of the types: {@code meta.lastUpdated} from the registry's and scheduling's own change times on
 * Organization (institution and consortium), OrganizationAffiliation, Practitioner, PractitionerRole (home and
 * dispatch), Schedule, Slot and Appointment, and {@code _lastUpdated} as a real filter on each, checked the way
 * {@link FhirLastUpdatedContract} checks Patient and CareTeam: every R4 prefix and value form taken from the data's
 * own change times, set on both sides of a Shanghai midnight. Plus: the modules' writes move the times (booking,
 * cancelling, ending a membership, changing a practitioner), and ServiceRequest/Task find nothing changed after
 * tomorrow.
 */
abstract class FhirChangeTimesContract extends RunningCity {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    SystemScheduling scheduling;

    Site site;
    Api admin;
    String tag;
    ConsortiumView consortium;
    List<String> practitioners;
    String dispatch;
    List<String> schedules;
    List<String> slots;
    String resident;
    List<String> bookings;

    @BeforeEach
    void data() {
        site = ResidentsFixture.site(registry, accounts);
        admin = Api.as(port, "admin");
        tag = registry.institution(site.primary()).orElseThrow().name().substring("社区卫生服务中心 ".length());
        LocalDate established = LocalDate.of(2024, 1, 1);
        consortium = registry.formConsortium(new FormConsortium("医联体 " + tag, ConsortiumForm.REGIONAL, true,
                GovernanceType.COOPERATION, "310104", List.of(), established, false, null, true, true, List.of(),
                List.of(new AddMember(site.district(), MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, established, null, null),
                        new AddMember(site.primary(), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, established, null, null)),
                null));
        practitioners = new ArrayList<>();
        for (int i = 0; i < TIMES.size(); i++) {
            // the first practises at the district hospital and is dispatched to the member centre
            practitioners.add(RegistrySeeds.practitioner(registry, "变更" + tag + "甲乙丙丁".charAt(i), i == 0 ? site.district()
                    : site.primary(), Profession.PHYSICIAN).toString());
        }
        dispatch = registry.dispatchStaff(consortium.id(), new DispatchStaff(PractitionerId.of(practitioners.get(0)), site.primary(),
                DispatchKind.MANAGER, ManagerRole.EXECUTIVE_PRESIDENT, "全科", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), 3,
                null, null)).id().toString();
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(5);
        schedules = new ArrayList<>();
        for (String department : List.of("心内科", "呼吸科")) {
            schedules.add(scheduling.publishSchedules(List.of(new PublishSchedule(site.district(), department, null, null,
                    ScheduleKind.OUTPATIENT_SPECIALTY, day, day, LocalTime.of(8, 0), LocalTime.of(9, 0), 15, 1, null, null)),
                    "change-times").get(0).id().toString());
        }
        slots = jdbc.sql("select id from scheduling_slot where schedule_id = ? order by start_at")
                .param(UUID.fromString(schedules.get(0))).query(UUID.class).list().stream().map(UUID::toString).toList();
        assertThat(slots).hasSize(4);
        // bookable by anybody (the NN-4 reserve is not what this test is about)
        jdbc.sql("update scheduling_slot set pool = 'PUBLIC' where schedule_id = ?").param(UUID.fromString(schedules.get(0))).update();
        var r = Api.as(port, site.gpUser()).post("/api/residents", "{\"idNumber\":\"" + ResidentsFixture.idNumber(ResidentsFixture.birth(),
                true) + "\",\"name\":\"" + "预约" + tag + "\"}");
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        resident = r.json().get("resident").get("id").get("value").asString();
        bookings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bookings.add(scheduling.bookAs(BookSlot.slot(SlotId.of(slots.get(i)), new ResidentId(UUID.fromString(resident))),
                    "change-times", null).id().toString());
        }
        setTimes();
    }

    /** Every resource of the test gets one of the four change times, cycling, so each search sees several of them. */
    void setTimes() {
        set("registry_institution", List.of(site.primary().toString(), site.district().toString(), site.municipal().toString()));
        set("registry_consortium", List.of(consortium.id().toString()));
        set("registry_membership", consortium.members().stream().map(m -> m.id().toString()).toList());
        set("registry_practitioner", practitioners);
        setColumn("registry_dispatch", "created_at", dispatch, TIMES.get(3));
        for (int i = 0; i < schedules.size(); i++) {
            setColumn("scheduling_schedule", "created_at", schedules.get(i), TIMES.get(i + 1));
        }
        set("scheduling_slot", slots);
        set("scheduling_booking", bookings);
    }

    void set(String table, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            setColumn(table, "updated_at", ids.get(i), TIMES.get(i % TIMES.size()));
        }
    }

    void setColumn(String table, String column, String id, Instant at) {
        assertThat(jdbc.sql("update " + table + " set " + column + " = ? where id = ?").params(Timestamp.from(at), UUID.fromString(id))
                .update()).as(table + " " + id).isOne();
    }

    /** One type: a search finding exactly the test's resources of it, and their ids. */
    record Case(String type, String base, Set<String> ids) {
    }

    List<Case> cases() {
        var organizations = new TreeSet<>(List.of(site.primary().toString(), site.district().toString(), site.municipal().toString(),
                consortium.id().toString()));
        return List.of(
                new Case("Organization", "name=" + enc(tag), organizations),
                new Case("OrganizationAffiliation", "primary-organization=Organization/" + consortium.id(),
                        new TreeSet<>(consortium.members().stream().map(m -> m.id().toString()).toList())),
                new Case("Practitioner", "name=" + enc("变更" + tag), new TreeSet<>(practitioners)),
                new Case("PractitionerRole", "practitioner=Practitioner/" + practitioners.get(0), Set.of(practitioners.get(0), dispatch)),
                new Case("Schedule", "actor=Organization/" + site.district(), new TreeSet<>(schedules)),
                new Case("Slot", "schedule=Schedule/" + schedules.get(0), new TreeSet<>(slots)),
                new Case("Appointment", "patient=Patient/" + resident, new TreeSet<>(bookings)),
                new Case("Appointment", "slot=Slot/" + slots.get(1), Set.of(bookings.get(1))));
    }

    @Test
    void everyTypeCarriesItsChangeTimeAndLastUpdatedFiltersItAtEveryPrefixAndPrecision() {
        int checks = 0;
        for (Case c : cases()) {
            Map<String, Instant> data = found(c.type(), c.base());
            assertThat(data.keySet()).as(c.type() + "?" + c.base()).containsExactlyInAnyOrderElementsOf(c.ids());
            assertThat(TIMES).as(c.type() + " times come from the modules' own columns").containsAll(data.values());
            checks += FhirLastUpdatedContract.everyPrefixAndRange(c.type(), c.base(), data, this::found);
        }
        assertThat(checks).isGreaterThan(300);
    }

    @Test
    void vreadWhereverAVersionIsShownAndTheCapabilityStatementSaysWhichTypesHaveOne() {
        var versioning = new java.util.HashMap<String, String>();
        for (JsonNode res : Api.anonymous(port).getFhir("/fhir/metadata").json().get("rest").get(0).get("resource")) {
            versioning.put(res.get("type").asString(), res.get("versioning").asString());
        }
        int vreads = 0;
        for (Case c : cases()) {
            var bundle = admin.getFhir("/fhir/" + c.type() + "?" + c.base() + "&_count=100");
            for (JsonNode e : bundle.json().get("entry")) {
                JsonNode res = e.get("resource");
                String path = "/fhir/" + c.type() + "/" + res.get("id").asString();
                if (!res.get("meta").has("versionId")) {
                    continue;
                }
                assertThat(versioning.get(c.type())).as(c.type()).isNotEqualTo("no-version");
                long version = Long.parseLong(res.get("meta").get("versionId").asString());
                var current = admin.getFhir(path + "/_history/" + version);
                assertThat(current.status()).as(path + " " + current.body()).isEqualTo(200);
                assertThat(current.json().get("meta").get("lastUpdated").asString())
                        .isEqualTo(res.get("meta").get("lastUpdated").asString());
                assertThat(admin.getFhir(path + "/_history/" + (version + 3)).status()).as(path).isEqualTo(404);
                vreads++;
            }
        }
        assertThat(vreads).isGreaterThan(10);
        for (String type : List.of("OrganizationAffiliation", "Schedule", "Appointment")) {
            assertThat(versioning.get(type)).as(type + " shows no version").isEqualTo("no-version");
        }
    }

    @Test
    void theModulesWritesMoveTheChangeTimes() {
        Instant before = TIMES.get(3);
        // booking a slot, cancelling an appointment
        String slot = slots.get(3);
        scheduling.bookAs(BookSlot.slot(SlotId.of(slot), new ResidentId(UUID.fromString(resident))), "change-times", null);
        assertThat(lastUpdated("Slot/" + slot)).isAfter(before);
        var cancelled = admin.post("/api/scheduling/bookings/" + bookings.get(0) + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(lastUpdated("Appointment/" + bookings.get(0))).isAfter(before);
        assertThat(lastUpdated("Slot/" + slots.get(0))).isAfter(before);
        // ending a membership
        var member = consortium.members().stream().filter(m -> m.institutionId().equals(site.primary())).findFirst().orElseThrow();
        registry.endMembership(consortium.id(), new EndMembership(member.id(), LocalDate.now(SHANGHAI), "测试", null));
        assertThat(lastUpdated("OrganizationAffiliation/" + member.id())).isAfter(before);
        assertThat(lastUpdated("Organization/" + consortium.id())).isAfter(before);
        // changing a practitioner: its resource and its home role
        String id = practitioners.get(1);
        var current = registry.practitioner(PractitionerId.of(id)).orElseThrow();
        registry.updatePractitioner(current.id(), current.version(), new RegisterPractitioner(current.name(), current.institutionId(),
                current.profession(), current.title(), current.titleDate(), "心内科", false, false));
        assertThat(lastUpdated("Practitioner/" + id)).isAfter(before);
        assertThat(lastUpdated("PractitionerRole/" + id)).isAfter(before);
        // and the search sees the new time: changed since the test's latest time
        String since = "_lastUpdated=gt" + enc(OffsetDateTime.ofInstant(before, SHANGHAI).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(found("Practitioner", "name=" + enc("变更" + tag) + "&" + since).keySet()).containsExactly(id);
        assertThat(found("Slot", "schedule=Schedule/" + schedules.get(0) + "&" + since).keySet())
                .containsExactlyInAnyOrder(slot, slots.get(0));
    }

    @Test
    void aTimeToTheMinuteIsThatMinuteAndAnImpossibleDateIsA400() {
        String base = "name=" + enc("变更" + tag) + "&_lastUpdated=";
        // practitioner i changed at TIMES[i]: 23:59:59.6 the 10th, 00:00 and 12:30:15.25 the 11th, 08:00 the 14th
        assertThat(found("Practitioner", base + enc("gt2026-11-14T08:00+08:00")).keySet()).isEmpty();
        assertThat(found("Practitioner", base + enc("eq2026-11-14T00:00Z")).keySet()).containsExactly(practitioners.get(3));
        assertThat(found("Practitioner", base + enc("ge2026-11-11T12:30+08:00")).keySet())
                .containsExactlyInAnyOrder(practitioners.get(2), practitioners.get(3));
        assertThat(found("Practitioner", base + "lt2026-11-11T00:00").keySet()).containsExactly(practitioners.get(0));
        assertThat(found("Practitioner", base + "le2026-11-11T00:00").keySet())
                .containsExactlyInAnyOrder(practitioners.get(0), practitioners.get(1));
        for (String type : List.of("Slot", "Practitioner", "Appointment", "Organization")) {
            var bad = admin.getFhir("/fhir/" + type + "?_lastUpdated=ge2026-11-31");
            assertThat(bad.status()).as(type + " " + bad.body()).isEqualTo(400);
            assertThat(bad.body()).contains("OperationOutcome");
        }
    }

    @Test
    void referralsChangedAfterTomorrowAreNone() {
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        var api = Api.as(port, "integrator");
        for (String type : List.of("ServiceRequest", "Task")) {
            assertThat(FhirConformanceContract.total(api, type, "")).as(type).isPositive();
            assertThat(FhirConformanceContract.total(api, type, "_lastUpdated=gt" + tomorrow)).as(type).isZero();
            assertThat(FhirConformanceContract.total(api, type, "_lastUpdated=ge" + tomorrow)).as(type).isZero();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    Instant lastUpdated(String reference) {
        var r = admin.getFhir("/fhir/" + reference);
        assertThat(r.status()).as(reference + " " + r.body()).isEqualTo(200);
        FhirValidation.assertValid(r.body());
        return OffsetDateTime.parse(r.json().get("meta").get("lastUpdated").asString()).toInstant();
    }

    /** id → meta.lastUpdated of every resource found (one page of up to 100), each valid R4. */
    Map<String, Instant> found(String type, String query) {
        var r = admin.getFhir("/fhir/" + type + "?" + query + "&_count=100");
        assertThat(r.status()).as(type + "?" + query + " " + r.body()).isEqualTo(200);
        var out = new LinkedHashMap<String, Instant>();
        if (r.json().has("entry")) {
            for (JsonNode e : r.json().get("entry")) {
                JsonNode meta = e.get("resource").get("meta");
                assertThat(meta != null && meta.has("lastUpdated")).as(type + " meta.lastUpdated " + e).isTrue();
                out.put(e.get("resource").get("id").asString(), OffsetDateTime.parse(meta.get("lastUpdated").asString()).toInstant());
            }
        }
        assertThat(r.json().get("total").asInt()).as(type + "?" + query).isEqualTo(out.size());
        return out;
    }
}
