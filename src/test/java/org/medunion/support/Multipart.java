package org.medunion.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** A multipart/form-data body as a browser sends a form with a file: text fields, then one file part. */
public record Multipart(String contentType, byte[] body) {

    public static Multipart of(Map<String, String> fields, String fileField, String filename, byte[] file) {
        String boundary = "----medunion" + UUID.randomUUID().toString().replace("-", "");
        var out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
