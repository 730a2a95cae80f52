package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.audit.AuditTrail;
import org.medunion.support.FhirValidation;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * The conversation of a consultation as FHIR Communication (decision 0245): a message posted over FHIR is the REST
 * side's and the console's message, threads travel as {@code inResponseTo}, reads and searches ({@code based-on},
 * {@code patient}, {@code _lastUpdated}, paging) validate against R4 and are audited; bad input is a 400
 * OperationOutcome naming the element; the office, another institution and guessed ids get nothing.
 */
abstract class ConsultationConversationFhirContract extends ConsultationWorldTest {

    static String message(String consultation, String text, @Nullable String replyTo) {
        return """
                {"resourceType":"Communication","status":"completed",
                 "basedOn":[{"reference":"ServiceRequest/%s"}],%s
                 "payload":[{"contentString":"%s"}]}"""
                .formatted(consultation, replyTo == null ? "" : "\"inResponseTo\":[{\"reference\":\"Communication/" + replyTo
                        + "\"}],", text);
    }

    static JsonNode created(org.medunion.support.Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        FhirValidation.assertValid(r.body());
        return r.json();
    }

    static List<String> payloads(JsonNode bundle) {
        var out = new ArrayList<String>();
        if (bundle.has("entry")) {
            bundle.get("entry").forEach(e -> out.add(e.get("resource").get("payload").get(0).get("contentString").asString()));
        }
        return out;
    }

    @Test
    void aThreadPostedOverFhirIsTheConversationOfRestAndConsole_validR4() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        var question = created(w.as(w.specialist).postFhir("/fhir/Communication", message(id, "请问近期有无胸痛？", null)));
        String qid = question.get("id").asString();
        assertThat(qid).startsWith("consultation-");
        assertThat(question.get("meta").get("versionId").asString()).isEqualTo("1");
        assertThat(question.get("sender").get("reference").asString()).isEqualTo("Organization/" + w.hospital);
        assertThat(question.get("recipient").get(0).get("reference").asString()).isEqualTo("Organization/" + w.primary);
        assertThat(question.get("subject").get("reference").asString()).isEqualTo("Patient/" + w.resident);
        var answer = created(w.as(w.gp).postFhir("/fhir/Communication", message(id, "无胸痛，偶有头晕", qid)));
        assertThat(answer.get("inResponseTo").get(0).get("reference").asString()).isEqualTo("Communication/" + qid);

        var rest = w.as(w.specialist).get("/api/consultations/" + id + "/messages").expect(200).json();
        assertThat(rest).hasSize(2);
        assertThat(rest.get(1).get("body").asString()).isEqualTo("无胸痛，偶有头晕");
        assertThat(rest.get(1).get("inReplyTo").asString()).isEqualTo(qid.substring("consultation-".length()));
        var page = ConsoleSession.login(port, w.gp).get("/console/consultations/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("请问近期有无胸痛？").contains("无胸痛，偶有头晕");

        var read = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication/" + qid));
        assertThat(read.get("payload").get(0).get("contentString").asString()).isEqualTo("请问近期有无胸痛？");
        assertThat(read.get("basedOn").get(0).get("reference").asString()).isEqualTo("ServiceRequest/" + id);
        ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication/" + qid + "/_history/1"));
        assertThat(w.as(w.gp).getFhir("/fhir/Communication/" + qid + "/_history/2").status()).isEqualTo(404);

        // a message posted on the REST side is a Communication too
        w.as(w.gp).post("/api/consultations/" + id + "/messages", "{\"body\":\"已上传心电图\"}").expect(201);
        var thread = ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/Communication?based-on=ServiceRequest/" + id));
        assertThat(payloads(thread)).containsExactly("请问近期有无胸痛？", "无胸痛，偶有头晕", "已上传心电图");
        assertThat(thread.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void searchesPageAndFilterByLastUpdated() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        for (String text : new String[] {"一", "二", "三"}) {
            created(w.as(w.gp).postFhir("/fhir/Communication", message(id, text, null)));
        }
        var first = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication?patient=Patient/" + w.resident
                + "&_count=2"));
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(payloads(first)).containsExactly("三", "二");
        String next = ConsultationFhirContract.next(first);
        assertThat(next).isNotNull().contains("_offset=2");
        assertThat(payloads(ConsultationFhirContract.valid(w.as(w.gp).getFhir(next)))).containsExactly("一");
        assertThat(ConsultationFhirContract.ids(ConsultationFhirContract.valid(w.as(w.outsider).getFhir(next)))).isEmpty();

        String future = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String past = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String base = "/fhir/Communication?based-on=ServiceRequest/" + id + "&_lastUpdated=";
        assertThat(payloads(ConsultationFhirContract.valid(w.as(w.gp).getFhir(base + "gt" + past)))).hasSize(3);
        assertThat(payloads(ConsultationFhirContract.valid(w.as(w.gp).getFhir(base + "ge" + future)))).isEmpty();
        assertThat(payloads(ConsultationFhirContract.valid(w.as(w.gp).getFhir(base + "lt" + future)))).hasSize(3);
        assertThat(payloads(ConsultationFhirContract.valid(w.as(w.gp).getFhir(base + "le" + past)))).isEmpty();
        var both = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication?based-on=ServiceRequest/" + id
                + "&patient=Patient/" + w.foreignResident));
        assertThat(both.get("total").asInt()).isZero();
    }

    @Test
    void badInputIsA400NamingTheElementAndWritesNothing() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        String good = message(id, "请补充化验单", null);
        String[][] cases = {
                {good.replace("\"basedOn\":[{\"reference\":\"ServiceRequest/" + id + "\"}],", ""), "Communication.basedOn"},
                {good.replace("ServiceRequest/" + id, "ServiceRequest/abc"), "Communication.basedOn"},
                {good.replace("\"payload\":[{\"contentString\":\"请补充化验单\"}]", "\"payload\":[{\"contentString\":\"  \"}]"),
                        "Communication.payload"},
                {good.replace(",\n \"payload\":[{\"contentString\":\"请补充化验单\"}]", ""), "Communication.payload"},
                {good.replace("{\"contentString\":\"请补充化验单\"}",
                        "{\"contentAttachment\":{\"contentType\":\"text/plain\",\"data\":\"5L2g5aW9\"}}"), "Communication.payload"},
                {good.replace("\"completed\"", "\"in-progress\""), "Communication.status"},
                {message(id, "答", "consultation-" + java.util.UUID.randomUUID()), "Communication.inResponseTo"},
                {message(id, "答", "explanation-" + java.util.UUID.randomUUID()), "Communication.inResponseTo"},
                {good.replace("\"status\"", "\"subject\":{\"reference\":\"Patient/" + w.foreignResident + "\"},\"status\""),
                        "Communication.subject"},
        };
        for (String[] c : cases) {
            var r = w.as(w.gp).postFhir("/fhir/Communication", c[0]);
            assertThat(r.status()).as(c[0] + "\n" + r.body()).isEqualTo(400);
            FhirValidation.assertValid(r.body());
            assertThat(r.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(r.body()).as(c[0]).contains(c[1]);
        }
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json()).isEmpty();
    }

    @Test
    void theOfficeAndOutsidersGetNothingAndReadsAreAudited() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        String mid = created(w.as(w.gp).postFhir("/fhir/Communication", message(id, "请会诊", null))).get("id").asString();
        for (String stranger : new String[] {w.outsider, w.office, w.otherSpecialist}) {
            assertThat(w.as(stranger).getFhir("/fhir/Communication/" + mid).status()).as(stranger).isEqualTo(404);
            var post = w.as(stranger).postFhir("/fhir/Communication", message(id, "插话", null));
            assertThat(post.status()).as(stranger + post.body()).isIn(403, 404);
            FhirValidation.assertValid(post.body());
            var search = ConsultationFhirContract.valid(w.as(stranger).getFhir("/fhir/Communication?based-on=ServiceRequest/"
                    + id));
            assertThat(search.get("total").asInt()).as(stranger).isZero();
            var byPatient = ConsultationFhirContract.valid(w.as(stranger).getFhir("/fhir/Communication?patient=Patient/"
                    + w.resident));
            assertThat(ConsultationFhirContract.ids(byPatient)).as(stranger).doesNotContain(mid);
        }
        assertThat(w.as(w.gp).getFhir("/fhir/Communication/consultation-" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json()).hasSize(1);

        ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/Communication/" + mid));
        var rows = audit.search(new AuditTrail.AuditQuery(null, "Consultation", id, null, 100));
        assertThat(rows).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(w.specialist);
            assertThat(e.action().name()).isEqualTo("READ");
            assertThat(e.detail()).isEqualTo("messages");
            assertThat(e.residentRef()).isEqualTo(w.resident.toString());
        });
    }
}
