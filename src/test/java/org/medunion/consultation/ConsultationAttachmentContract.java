package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.RegisterResident;
import org.medunion.support.Api;
import org.medunion.support.Multipart;
import org.medunion.support.RegistrySeeds;
import org.medunion.web.ConsoleSession;
import tools.jackson.databind.JsonNode;

/**
 * Attachments (issue 14, decision 0254): results and imaging studies of the consultation's resident by reference, read
 * through the diagnostics module as the caller; documents uploaded, checked by size and first bytes, downloaded by the
 * two sides and the office only, every read audited; kept under TM-9 with the record or the conversation; in FHIR as
 * ServiceRequest.supportingInfo and Communication.payload.
 */
abstract class ConsultationAttachmentContract extends ConsultationWorldTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    /** A lab item and an imaging item of this world, and reports of them for residents. */
    record Results(String lab, String imaging) {
    }

    Results items() {
        String tag = Long.toString(System.nanoTime(), 36);
        var r = new Results("HBA1C-" + tag, "CT-" + tag);
        Api.as(port, "admin").put("/api/diagnostics/items", """
                {"code":"%s","name":"糖化血红蛋白A1c","kind":"LAB","unit":"%%","referenceRange":"4.0-6.0","listPrice":"60.00"}"""
                .formatted(r.lab())).expect(200);
        Api.as(port, "admin").put("/api/diagnostics/items", """
                {"code":"%s","name":"胸部CT平扫","kind":"IMAGING","unit":null,"referenceRange":null,"listPrice":"240.00"}"""
                .formatted(r.imaging())).expect(200);
        return r;
    }

    String report(ConsultationFixture w, UUID resident, String item, @Nullable String studyUrl) {
        return Api.as(port, "admin").post("/api/diagnostics/results", """
                {"residentId":"%s","itemCode":"%s","performerInstitutionId":"%s","status":"FINAL","resultDate":"%s",
                 "studyUrl":%s,"conclusion":"结论","observations":[{"code":"%s","name":"值","value":"6.1","unit":"%%"}]}"""
                .formatted(resident, item, w.hospital, LocalDate.now().minusDays(3),
                        studyUrl == null ? "null" : "\"" + studyUrl + "\"", item))
                .expect(201).json().get("id").asString();
    }

    static String attachments(String... parts) {
        return "\"attachments\":[" + String.join(",", parts) + "]";
    }

    static String result(String kind, String report) {
        return "{\"kind\":\"" + kind + "\",\"reportId\":\"" + report + "\"}";
    }

    long attachmentRows(String consultation) {
        return jdbc.sql("select count(*) from consultation_attachment where consultation_id = ?")
                .param(UUID.fromString(consultation)).query(Long.class).single();
    }

    long audits(String consultation, String action, String detail) {
        return jdbc.sql("select count(*) from audit_event where object_id = ? and action = ? and detail = ?")
                .params(consultation, action, detail).query(Long.class).single();
    }

    static Api.Response upload(Api api, String consultation, Map<String, String> fields, String name, byte[] file) {
        var body = Multipart.of(fields, "file", name, file);
        return api.sendBytes("POST", "/api/consultations/" + consultation + "/attachments", body.body(), body.contentType());
    }

    @Test
    void resultsOfTheSameResidentAttachToTheRequestAndAMessageAndShowToTheirReaders() {
        var w = freshWorld();
        var items = items();
        String lab = report(w, w.resident, items.lab(), null);
        String ct = report(w, w.resident, items.imaging(), "https://pacs.example/viewer?s=1");
        var created = w.as(w.gp).post("/api/consultations", w.body(attachments(result("RESULT", lab),
                result("IMAGING_STUDY", ct)))).expect(201).json();
        String id = created.get("id").asString();
        assertThat(created.get("attachments")).hasSize(2);
        assertThat(created.get("attachments").get(0).get("title").asString()).isEqualTo("糖化血红蛋白A1c");
        assertThat(created.get("attachments").get(1).get("kind").asString()).isEqualTo("IMAGING_STUDY");

        var message = w.as(w.specialist).post("/api/consultations/" + id + "/messages",
                "{\"body\":\"请看这份结果\"," + attachments(result("RESULT", lab)) + "}").expect(201).json();
        assertThat(message.get("attachments")).hasSize(1);
        var thread = w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json();
        assertThat(thread.get(0).get("attachments").get(0).get("reportId").asString()).isEqualTo(lab);

        for (String user : List.of(w.gp, w.specialist)) {
            assertThat(w.as(user).get("/api/consultations/" + id + "/attachments").expect(200).json()).as(user).hasSize(3);
            assertThat(w.as(user).get("/api/consultations/" + id).expect(200).json().get("attachments")).hasSize(2);
        }
        assertThat(w.as(w.office).get("/api/consultations/" + id + "/attachments").expect(200).json())
                .as("the office reads the request's attachments, not the conversation's").hasSize(2);
        assertThat(w.as(w.outsider).get("/api/consultations/" + id + "/attachments").status()).isEqualTo(404);
        assertThat(w.as(w.office).post("/api/consultations/" + id + "/attachments",
                "{\"results\":[" + result("RESULT", lab) + "]}").status()).as("the office attaches nothing").isEqualTo(403);
        assertThat(audits(id, "READ", "attachments")).isEqualTo(3);

        var sr = ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/ServiceRequest/" + id));
        assertThat(sr.get("supportingInfo").toString()).contains("DiagnosticReport/" + lab).contains("ImagingStudy/" + ct);
        var communication = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication/consultation-"
                + message.get("id").asString()));
        assertThat(communication.get("payload").get(1).get("contentReference").get("reference").asString())
                .isEqualTo("DiagnosticReport/" + lab);
        assertThat(w.as(w.specialist).getFhir("/fhir/DiagnosticReport/" + lab).status())
                .as("the invited side reads the attached result while the consultation is open").isEqualTo(200);
    }

    @Test
    void aResultOfAnotherResidentIs400AndOneTheCallerCannotReadIs404WritingNothing() {
        var w = freshWorld();
        var items = items();
        UUID neighbour = residents.importResidents(List.of(new RegisterResident(RegistrySeeds.idNumber(), "钱邻居", null, null,
                null, null, new InstitutionId(w.primary), null))).get(0).value();
        String other = report(w, neighbour, items.lab(), null);
        String hidden = report(w, w.foreignResident, items.lab(), null);
        long before = rowsOf(w.resident);

        var wrong = w.as(w.gp).post("/api/consultations", w.body(attachments(result("RESULT", other))));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.body()).contains("CONSULTATION-0061").contains("attachments[0].reportId");
        var unseen = w.as(w.gp).post("/api/consultations", w.body(attachments(result("RESULT", hidden))));
        assertThat(unseen.status()).as(unseen.body()).isEqualTo(404);
        assertThat(unseen.body()).contains("CONSULTATION-0060").contains("attachments[0].reportId");
        var unknown = w.as(w.gp).post("/api/consultations", w.body(attachments(result("RESULT", UUID.randomUUID().toString()))));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(rowsOf(w.resident)).as("no request half-written").isEqualTo(before);

        String id = w.into(ConsultationStatus.REQUESTED);
        String lab = report(w, w.resident, items.lab(), null);
        var notImaging = w.as(w.gp).post("/api/consultations/" + id + "/attachments",
                "{\"results\":[" + result("RESULT", lab) + "," + result("IMAGING_STUDY", lab) + "]}");
        assertThat(notImaging.status()).isEqualTo(400);
        assertThat(notImaging.body()).contains("CONSULTATION-0062").contains("results[1].kind");
        var badMessage = w.as(w.gp).post("/api/consultations/" + id + "/attachments",
                "{\"messageId\":\"" + UUID.randomUUID() + "\",\"results\":[" + result("RESULT", lab) + "]}");
        assertThat(badMessage.status()).isEqualTo(400);
        assertThat(badMessage.body()).contains("messageId");
        assertThat(attachmentRows(id)).as("all or none").isZero();
        w.as(w.gp).post("/api/consultations/" + id + "/attachments", "{\"results\":[" + result("RESULT", lab) + "]}")
                .expect(201);
        assertThat(attachmentRows(id)).isEqualTo(1);
    }

    @Test
    void uploadsAreCheckedByTheirFirstBytesAndSizeAndDownloadedByTheTwoSidesAndTheOfficeOnly() throws Exception {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.REQUESTED);
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

        var tooBig = new byte[ConsultationAttachments.MAX_UPLOAD_BYTES + 1];
        System.arraycopy(pdf, 0, tooBig, 0, pdf.length);
        var big = upload(w.as(w.gp), id, Map.of("title", "大文件"), "big.pdf", tooBig);
        assertThat(big.status()).as(big.body()).isEqualTo(400);
        assertThat(big.body()).contains("CONSULTATION-0063").contains("\"field\":\"file\"");
        var text = upload(w.as(w.gp), id, Map.of(), "letter.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body()).contains("CONSULTATION-0064").contains("\"field\":\"file\"");
        assertThat(attachmentRows(id)).isZero();

        var png = upload(w.as(w.specialist), id, Map.of("title", "心电图照片"), "ecg.png", PNG).expect(201).json();
        var doc = upload(w.as(w.gp), id, Map.of(), "C:\\scans\\出院小结.pdf", pdf).expect(201).json();
        assertThat(png.get("contentType").asString()).isEqualTo("image/png");
        assertThat(png.get("size").asLong()).isEqualTo(PNG.length);
        assertThat(png.get("sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
        assertThat(doc.get("title").asString()).isEqualTo("出院小结.pdf");
        assertThat(doc.get("contentType").asString()).isEqualTo("application/pdf");

        String path = "/api/consultations/" + id + "/attachments/" + doc.get("id").asString() + "/content";
        for (String user : List.of(w.gp, w.specialist, w.office)) {
            var r = w.as(user).get(path).expect(200);
            assertThat(Arrays.equals(r.bytes(), pdf)).as(user).isTrue();
            assertThat(r.header("Content-Type")).startsWith("application/pdf");
            assertThat(r.header("Content-Disposition")).startsWith("attachment");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(audits(id, "READ", "attachment " + doc.get("id").asString())).isEqualTo(3);
        for (String third : List.of(w.outsider, w.otherSpecialist)) {
            assertThat(w.as(third).get(path).status()).as(third).isEqualTo(404);
        }
        assertThat(audits(id, "READ", "attachment " + doc.get("id").asString())).as("refusals read nothing").isEqualTo(3);
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/attachments/" + UUID.randomUUID() + "/content").status())
                .isEqualTo(404);
    }

    @Test
    void aServiceRequestPostedWithDiagnosticReportsAttachesThemOrIsRefusedNamingSupportingInfo() {
        var w = freshWorld();
        var items = items();
        String lab = report(w, w.resident, items.lab(), null);
        String hidden = report(w, w.foreignResident, items.lab(), null);
        String consent = ConsultationFhirContract.patientConsent(w);
        String base = ConsultationFhirContract.serviceRequest(w, w.hospital, consent);
        String consentRef = "{\"reference\":\"#consent\"}";
        String own = base.replace(consentRef + "]", consentRef + ",{\"reference\":\"DiagnosticReport/%s\"}]".formatted(lab));
        var created = w.as(w.gp).postFhir("/fhir/ServiceRequest", own);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var read = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id));
        assertThat(read.get("supportingInfo").toString()).contains("DiagnosticReport/" + lab).contains("糖化血红蛋白A1c");

        long before = rowsOf(w.resident);
        var refused = w.as(w.gp).postFhir("/fhir/ServiceRequest", own.replace(lab, hidden));
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.body()).contains("OperationOutcome");
        assertThat(rowsOf(w.resident)).isEqualTo(before);
    }

    @Test
    void theConsolesFormsAttachAChosenResultAndAFileAndShowARefusalOnThePage() {
        var w = freshWorld();
        var items = items();
        String lab = report(w, w.resident, items.lab(), null);
        String id = w.into(ConsultationStatus.REQUESTED);
        var console = ConsoleSession.login(port, w.gp);
        var page = console.get("/console/consultations/" + id);
        assertThat(page.body()).contains("value=\"" + lab + "\"").as("the resident's recent result is offered");

        var sent = console.postFile("/console/consultations/" + id + "/attachments", Map.of("title", "门诊病历", "reportId", lab),
                "file", "record.png", PNG, page);
        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.location()).contains("/console/consultations/" + id);
        assertThat(attachmentRows(id)).isEqualTo(2);
        var message = console.postFile("/console/consultations/" + id + "/attachments/message", Map.of("body", "补充心电图"),
                "file", "ecg.png", PNG, page);
        assertThat(message.status()).isEqualTo(302);
        var thread = w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json();
        assertThat(thread.get(0).get("body").asString()).isEqualTo("补充心电图");
        assertThat(thread.get(0).get("attachments").get(0).get("title").asString()).isEqualTo("ecg.png");

        var shown = console.get("/console/consultations/" + id);
        assertThat(shown.body()).contains("门诊病历").contains("糖化血红蛋白A1c").contains("ecg.png")
                .doesNotContain(">" + lab + "<");
        var refused = console.postFile("/console/consultations/" + id + "/attachments/message", Map.of("body", "文本文件"),
                "file", "note.pdf", "plain text".getBytes(StandardCharsets.UTF_8), shown);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(console.get(URI.create(refused.location()).getPath()).body()).contains("仅接受 PDF、JPEG 或 PNG 文件");
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json())
                .as("the refused document leaves no message").hasSize(1);
    }

    @Test
    void TM9_attachmentsAreKeptWithTheRecordOrTheConversationAndShownOnTheConsultationPage() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACKNOWLEDGED);
        var message = w.as(w.gp).post("/api/consultations/" + id + "/messages", "{\"body\":\"附心电图\"}").expect(201).json();
        upload(w.as(w.gp), id, Map.of("title", "转诊单"), "a.png", PNG).expect(201);
        upload(w.as(w.gp), id, Map.of("title", "心电图", "messageId", message.get("id").asString()), "b.png", PNG).expect(201);

        var page = ConsoleSession.login(port, w.gp).get("/console/consultations/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("转诊单").contains("心电图").contains("/console/consultations/" + id + "/attachments/")
                .contains("enctype=\"multipart/form-data\"");
        var office = ConsoleSession.login(port, w.office).get("/console/consultations/" + id);
        assertThat(office.body()).contains("转诊单").doesNotContain("心电图");

        var sr = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/ServiceRequest/" + id));
        assertThat(sr.get("supportingInfo").toString()).contains("consultation-attachment").contains("转诊单");
        var communication = ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/Communication/consultation-"
                + message.get("id").asString()));
        var attachment = communication.get("payload").get(1).get("contentAttachment");
        assertThat(attachment.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attachment.get("title").asString()).isEqualTo("心电图");
        assertThat(attachment.get("size").asInt()).isEqualTo(PNG.length);
        var download = w.as(w.specialist).get(attachment.get("url").asString()).expect(200);
        assertThat(Arrays.equals(download.bytes(), PNG)).as("the url is the audited REST download").isTrue();

        w.as(w.gp).post("/api/consultations/" + id + "/close", "").expect(200);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var list = w.as(w.gp).get("/api/consultations/" + id + "/attachments").expect(200).json();
        for (JsonNode a : list) {
            LocalDate kept = LocalDate.parse(a.get("retainUntil").asString());
            assertThat(kept).as(a.get("title").asString())
                    .isEqualTo(a.get("messageId").isNull() ? today.plusYears(15) : today.plusYears(3));
        }
    }
}
