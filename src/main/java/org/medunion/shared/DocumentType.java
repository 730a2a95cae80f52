package org.medunion.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Uploaded documents recognised by their first bytes (magic numbers), never by the name or the type a client declares
 * (decision 0254; assessment evidence, decision 0264): PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}), PNG (the 8-byte PNG
 * signature) and XLSX (a ZIP holding {@code xl/workbook.xml}). Each module names the types it accepts.
 */
public enum DocumentType {

    PDF("application/pdf", ".pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", new byte[] {'P', 'K', 3, 4});

    /** Entries an XLSX may hold before its workbook part is found: a bound on the work a crafted archive causes. */
    private static final int MAX_ENTRIES = 200;

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    DocumentType(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The accepted type the content is, if any. */
    public static Optional<DocumentType> of(byte[] content, Set<DocumentType> accepted) {
        return Arrays.stream(values()).filter(accepted::contains).filter(t -> content.length >= t.magic.length
                && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).filter(t -> t != XLSX || workbook(content))
                .findFirst();
    }

    /** The type of a media type as stored with a document (for a download's file extension). */
    public static Optional<DocumentType> ofMediaType(@Nullable String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equals(mediaType)).findFirst();
    }

    /**
     * Whether a declared type agrees with the detected one: none, a generic one ({@code application/octet-stream}) or
     * the same media type (parameters ignored; {@code image/jpg} and {@code image/pjpeg} as JPEG).
     */
    public boolean agrees(@Nullable String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String d = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return d.equals("application/octet-stream") || d.equals(mediaType)
                || this == JPEG && (d.equals("image/jpg") || d.equals("image/pjpeg"));
    }

    /** The last path segment of a client's file name (browsers may send a full path). */
    public static @Nullable String baseName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean workbook(byte[] content) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            int n = 0;
            while ((e = zip.getNextEntry()) != null && n++ < MAX_ENTRIES) {
                if (e.getName().equals("xl/workbook.xml")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
