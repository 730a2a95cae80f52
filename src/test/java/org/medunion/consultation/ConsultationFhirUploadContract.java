package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.support.FhirValidation;
import tools.jackson.databind.JsonNode;

/**
 * Decision 0259, the FHIR side of decision 0254: a Communication posted with documents as
 * {@code payload.contentAttachment} (base64 {@code data}, {@code contentType}, {@code title}) writes the message and
 * its documents in one transaction, under the REST upload's limits (4 MiB, PDF/JPEG/PNG by first bytes); a refused
 * document is a 400 OperationOutcome naming the payload and leaves nothing. Reads give each document's size, title,
 * type, SHA-256 and a url the two sides can fetch; the office and outsiders get 404.
 */
abstract class ConsultationFhirUploadContract extends ConsultationWorldTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final String SHA256 = "https://medunion.example/fhir/StructureDefinition/attachment-sha256";

    static String attachment(String contentType, String title, String data) {
        return "{\"contentAttachment\":{\"contentType\":\"" + contentType + "\",\"title\":\"" + title + "\",\"data\":\""
                + data + "\"}}";
    }

    static String withPayloads(String consultation, String... payloads) {
        return """
                {"resourceType":"Communication","status":"completed",
                 "basedOn":[{"reference":"ServiceRequest/%s"}],
                 "payload":[{"contentString":"附检查报告，请会诊"},%s]}""".formatted(consultation, String.join(",", payloads));
    }

    static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    long attachmentRows(String consultation) {
        return jdbc.sql("select count(*) from consultation_attachment where consultation_id = ?")
                .param(UUID.fromString(consultation)).query(Long.class).single();
    }

    long messageRows(String consultation) {
        return jdbc.sql("select count(*) from consultation_message where consultation_id = ?")
                .param(UUID.fromString(consultation)).query(Long.class).single();
    }

    @Test
    void aCommunicationWithDocumentsIsOneMessage_readBackWithUrlSizeAndDigest_validR4() throws Exception {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        String sha1 = b64(MessageDigest.getInstance("SHA-1").digest(PDF));
        String pdf = "{\"contentAttachment\":{\"contentType\":\"application/pdf\",\"title\":\"出院小结\",\"size\":" + PDF.length
                + ",\"hash\":\"" + sha1 + "\",\"data\":\"" + b64(PDF) + "\"}}";
        var posted = w.as(w.gp).postFhir("/fhir/Communication", withPayloads(id, pdf,
                attachment("image/png", "心电图", b64(ConsultationAttachmentContract.PNG))));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        FhirValidation.assertValid(posted.body());
        String cid = posted.json().get("id").asString();

        var read = ConsultationFhirContract.valid(w.as(w.specialist).getFhir("/fhir/Communication/" + cid));
        assertThat(read.get("payload")).hasSize(3);
        JsonNode first = read.get("payload").get(1).get("contentAttachment");
        assertThat(first.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(first.get("title").asString()).isEqualTo("出院小结");
        assertThat(first.get("size").asInt()).isEqualTo(PDF.length);
        assertThat(first.has("data")).as("the bytes travel by url only").isFalse();
        assertThat(first.get("extension").get(0).get("url").asString()).isEqualTo(SHA256);
        assertThat(first.get("extension").get(0).get("valueString").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(read.get("payload").get(2).get("contentAttachment").get("contentType").asString()).isEqualTo("image/png");

        String url = first.get("url").asString();
        for (String side : new String[] {w.gp, w.specialist}) {
            var file = w.as(side).get(url).expect(200);
            assertThat(Arrays.equals(file.bytes(), PDF)).as(side).isTrue();
        }
        var rest = w.as(w.specialist).get("/api/consultations/" + id + "/messages").expect(200).json();
        assertThat(rest).hasSize(1);
        assertThat(rest.get(0).get("attachments")).hasSize(2);
        var thread = ConsultationFhirContract.valid(w.as(w.gp).getFhir("/fhir/Communication?based-on=ServiceRequest/" + id));
        assertThat(thread.toString()).contains(url);

        for (String stranger : new String[] {w.office, w.outsider, w.otherSpecialist}) {
            assertThat(w.as(stranger).getFhir("/fhir/Communication/" + cid).status()).as(stranger).isEqualTo(404);
            assertThat(w.as(stranger).get(url).status()).as(stranger).isEqualTo(404);
            var post = w.as(stranger).postFhir("/fhir/Communication", withPayloads(id, pdf));
            assertThat(post.status()).as(stranger + post.body()).isIn(403, 404);
            FhirValidation.assertValid(post.body());
        }
        assertThat(w.as(w.outsider).postFhir("/fhir/Communication", withPayloads(id, pdf)).status()).isEqualTo(404);
        assertThat(messageRows(id)).isOne();
        assertThat(attachmentRows(id)).isEqualTo(2);
    }

    @Test
    void aBadDocumentIsA400NamingThePayloadAndWritesNothing() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.ACCEPTED);
        String good = attachment("image/png", "心电图", b64(ConsultationAttachmentContract.PNG));
        byte[] large = new byte[ConsultationAttachments.MAX_UPLOAD_BYTES + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        String at = "Communication.payload[2].contentAttachment";
        String[][] cases = {
                {attachment("application/pdf", "报告", "%%%不是base64%%%"), at + ".data", "fhir.base64"},
                {attachment("application/pdf", "报告", b64(large)), at, "CONSULTATION-0063"},
                {attachment("text/plain", "说明", b64("纯文本".getBytes(StandardCharsets.UTF_8))), at, "CONSULTATION-0064"},
                {attachment("application/pdf", "伪装", b64(ConsultationAttachmentContract.PNG)), at, "CONSULTATION-0064"},
                {"{\"contentAttachment\":{\"contentType\":\"application/pdf\",\"data\":\"" + b64(PDF) + "\"}}", at + ".title",
                        "field.required"},
                {"{\"contentAttachment\":{\"title\":\"报告\",\"data\":\"" + b64(PDF) + "\"}}", at + ".contentType",
                        "field.required"},
                {"{\"contentAttachment\":{\"contentType\":\"application/pdf\",\"title\":\"报告\",\"size\":3,\"data\":\""
                        + b64(PDF) + "\"}}", at + ".size", "fhir.attachmentMismatch"},
                {"{\"contentAttachment\":{\"contentType\":\"application/pdf\",\"title\":\"报告\",\"url\":\"https://x.example/a\"}}",
                        at + ".data", "field.required"},
        };
        for (String[] c : cases) {
            var r = w.as(w.gp).postFhir("/fhir/Communication", withPayloads(id, good, c[0]));
            String shown = c[0].length() > 300 ? c[0].substring(0, 300) : c[0];
            assertThat(r.status()).as(shown + "\n" + r.body()).isEqualTo(400);
            FhirValidation.assertValid(r.body());
            assertThat(r.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(r.body()).as(shown).contains("\"" + c[1] + "\"").contains(c[2]);
        }
        assertThat(messageRows(id)).as("no message").isZero();
        assertThat(attachmentRows(id)).as("not even the good first document").isZero();
        assertThat(w.as(w.gp).get("/api/consultations/" + id + "/messages").expect(200).json()).isEmpty();
    }
}
