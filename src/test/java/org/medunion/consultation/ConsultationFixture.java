package org.medunion.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.AgreementType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.Title;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentsManagement;
import org.medunion.scheduling.SchedulingFixture;
import org.medunion.support.Api;
import org.medunion.support.RegistrySeeds;
import tools.jackson.databind.JsonNode;

/**
 * A fresh little world: the scheduling fixture's urban medical group (community centre with a GP, municipal lead
 * hospital with a specialist, district hospital with another) with a signed cooperation agreement between the
 * centre and the lead hospital only (TM-1), a qualified expert at the lead hospital, a resident the centre
 * registered itself (so only the centre cares for them), the consortium's office and an outsider.
 */
public final class ConsultationFixture {

    public final int port;
    public final RegistryManagement registry;
    public final UUID primary;
    public final UUID hospital;
    public final UUID otherHospital;
    public final UUID consortium;
    public final UUID resident;
    public final UUID foreignResident;
    public final UUID expert;
    /** The cooperation agreement between the centre and the lead hospital (TM-1; its fees, TM-13). */
    public final UUID agreement;
    public final String gp;
    public final String specialist;
    public final String otherSpecialist;
    public final String office;
    public final String outsider;

    public ConsultationFixture(int port, RegistryManagement registry, ResidentsManagement residents, AccountManagement accounts) {
        this.port = port;
        this.registry = registry;
        var g = SchedulingFixture.group(registry, residents, accounts);
        primary = g.primary().value();
        hospital = g.lead().value();
        otherHospital = g.district().value();
        consortium = g.consortium().value();
        foreignResident = g.stranger().value();
        resident = residents.importResidents(List.of(new RegisterResident(RegistrySeeds.idNumber(), "赵会诊", null, null, null,
                null, g.primary(), null))).get(0).value();
        agreement = registry.recordAgreement(g.consortium(), new RecordAgreement(AgreementType.COOPERATION, "远程医疗合作协议 " + primary,
                List.of(g.lead(), g.primary()), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2),
                LocalDate.now().minusYears(1).minusDays(5), "牵头医院提供远程会诊", "社区享有会诊服务", "共享会诊意见",
                "按工作量分配", null)).id();
        expert = physician("张专家", g.lead(), LocalDate.now().minusYears(10)).value();
        gp = g.gpUser();
        specialist = g.leadUser();
        otherSpecialist = g.districtUser();
        String tag = Long.toString(System.nanoTime(), 36);
        office = "coff-" + tag;
        outsider = "cout-" + tag;
        accounts.ensureAccount(new NewAccount(office, "demo", "Office " + tag, Role.OFFICE, Scope.consortium(consortium)));
        accounts.ensureAccount(new NewAccount(outsider, "demo", "Outsider " + tag, Role.GP, Scope.institution(otherHospital)));
    }

    PractitionerId physician(String name, InstitutionId at, LocalDate titleDate) {
        return registry.registerPractitioner(new RegisterPractitioner(name + " " + System.nanoTime(), at, Profession.PHYSICIAN,
                Title.ATTENDING, titleDate, "心血管内科", false, false)).id();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    /** A complete request body; {@code extra} replaces or adds fields (later keys win in the JSON object). */
    public String body(String extra) {
        return """
                {"type":"REMOTE","urgency":"ROUTINE","toInstitutionId":"%s","toDepartment":"心内科","residentId":"%s",
                 "reason":"血压控制不佳","purpose":"调整降压方案","proposedTime":"2030-01-01T02:00:00Z",
                 "recordSummary":"近两周血压 170/100，已用氨氯地平","invitedSpecialty":"心血管内科","invitedTitle":"主任医师",
                 "consentSigner":"PATIENT","consentSignedOn":"%s","conversionAuthorised":true%s}"""
                .formatted(hospital, resident, LocalDate.now().minusDays(1), extra == null || extra.isEmpty() ? "" : "," + extra);
    }

    JsonNode request(String extra) {
        var r = as(gp).post("/api/consultations", body(extra));
        return r.expect(201).json();
    }

    String id(JsonNode c) {
        return c.get("id").asString();
    }

    /** A new consultation brought into the given status through the API, by the side that may take each step. */
    String into(ConsultationStatus status) {
        String id = id(request(""));
        String base = "/api/consultations/" + id;
        switch (status) {
            case REQUESTED -> {
            }
            case INFO_REQUESTED -> ok(as(specialist).post(base + "/ask-info", "{\"text\":\"请补充心电图\"}"));
            case DECLINED -> ok(as(specialist).post(base + "/decline", "{\"text\":\"本院无此专科\"}"));
            case CANCELLED -> ok(as(gp).post(base + "/cancel", "{\"text\":\"患者已好转\"}"));
            case ACCEPTED, IN_SESSION, OPINION_DRAFTED, OPINION_SIGNED, ACKNOWLEDGED, CLOSED -> {
                ok(as(specialist).post(base + "/accept", acceptBody()));
                if (status == ConsultationStatus.ACCEPTED) {
                    return id;
                }
                ok(as(specialist).post(base + "/start", ""));
                if (status == ConsultationStatus.IN_SESSION) {
                    return id;
                }
                ok(as(specialist).post(base + "/opinion", "{\"text\":\"建议加用缬沙坦，两周后复查\"}"));
                if (status == ConsultationStatus.OPINION_DRAFTED) {
                    return id;
                }
                ok(as(specialist).post(base + "/sign", ""));
                if (status == ConsultationStatus.OPINION_SIGNED) {
                    return id;
                }
                ok(as(gp).post(base + "/acknowledge", ""));
                if (status == ConsultationStatus.CLOSED) {
                    ok(as(gp).post(base + "/close", ""));
                }
            }
            default -> throw new IllegalArgumentException("not reachable by API: " + status);
        }
        return id;
    }

    String acceptBody() {
        return "{\"sessionAt\":\"2030-01-01T02:00:00Z\",\"expertPractitionerId\":\"" + expert + "\",\"note\":\"远程会诊室 2\"}";
    }

    static Api.Response ok(Api.Response r) {
        return r.expect(200);
    }
}
