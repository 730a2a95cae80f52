package org.medunion.shared.web;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An uploaded document handed back: always a download, never shown inline, not sniffed, not cached (decision 0254). */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(byte[] content, String fileName, @Nullable String mediaType) {
        String type = mediaType == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : mediaType;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
