package org.medunion.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets at rest (等保 L3: authentication data stored protected): AES-256-GCM with a random 96-bit nonce,
 * stored as {@code v1:<base64(nonce || ciphertext || tag)>}, the account's username bound in as associated data
 * so a sealed secret copied to another account's row does not open. The key comes from
 * {@code medunion.security.totp-key} (base64, 32 bytes; production takes it from its secret store); without it,
 * a key file is created once under the data directory with owner-only permissions (decision 0096).
 */
@Component
class TotpSecrets {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TotpSecrets(@Value("${medunion.security.totp-key:}") String configuredKey, @Value("${medunion.data-dir}") String dataDir) {
        byte[] bytes = configuredKey.isBlank() ? keyFile(Path.of(dataDir, "totp.key")) : Base64.getDecoder().decode(configuredKey.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("medunion.security.totp-key must be 32 bytes (base64), got " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String seal(String username, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, username);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret could not be sealed", e);
        }
    }

    /** The secret, or the stored value itself when it predates sealing (re-sealed by {@link TotpSecretResealer}). */
    String open(String username, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            byte[] nonce = Arrays.copyOf(in, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, username);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a wrong key or a tampered row: no second factor can match, and the message carries no secret
            throw new IllegalStateException("TOTP secret of an account could not be opened (wrong key or altered row)");
        }
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    private Cipher cipher(int mode, byte[] nonce, String username) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(username.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the directory's ACL applies
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("TOTP key file " + file + " could not be read or created", e);
        }
    }
}
