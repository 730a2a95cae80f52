package org.medunion.consultation.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The documents a consultation accepts, recognised by their first bytes (magic numbers), never by the name or the
 * type a client declares: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}) and PNG (the 8-byte PNG signature).
 */
enum DocumentType {

    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] magic;

    DocumentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    static Optional<DocumentType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> content.length >= t.magic.length
                && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).findFirst();
    }

    /**
     * Whether a declared type agrees with the detected one: none, a generic one ({@code application/octet-stream}) or
     * the same media type (parameters ignored; {@code image/jpg} and {@code image/pjpeg} as JPEG).
     */
    boolean agrees(@Nullable String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String d = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return d.equals("application/octet-stream") || d.equals(mediaType)
                || this == JPEG && (d.equals("image/jpg") || d.equals("image/pjpeg"));
    }
}
