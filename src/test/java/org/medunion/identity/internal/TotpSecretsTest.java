package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP secrets sealed at rest: round trip, fresh nonce per seal, bound to the account, refused when altered. */
class TotpSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @TempDir
    Path dataDir;

    @Test
    void sealedSecretOpensForItsAccountOnlyAndNeverShowsInClear() {
        var secrets = new TotpSecrets(KEY, dataDir.toString());
        String once = secrets.seal("admin", SECRET);
        String twice = secrets.seal("admin", SECRET);
        assertThat(once).startsWith("v1:").doesNotContain(SECRET).isNotEqualTo(twice);
        assertThat(once.length()).isLessThanOrEqualTo(200);
        assertThat(secrets.open("admin", once)).isEqualTo(SECRET);
        assertThatThrownBy(() -> secrets.open("planner", once)).hasMessageNotContaining(SECRET);
    }

    @Test
    void alteredRowOrOtherKeyIsRefused() {
        var secrets = new TotpSecrets(KEY, dataDir.toString());
        String sealed = secrets.seal("admin", SECRET);
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> secrets.open("admin", altered)).isInstanceOf(IllegalStateException.class);
        var other = new TotpSecrets(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}), dataDir.toString());
        assertThatThrownBy(() -> other.open("admin", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAConfiguredKeyAKeyFileIsCreatedOnceAndReused() throws Exception {
        var first = new TotpSecrets("", dataDir.toString());
        String sealed = first.seal("admin", SECRET);
        Path file = dataDir.resolve("totp.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new TotpSecrets("", dataDir.toString()).open("admin", sealed)).isEqualTo(SECRET);
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIs() {
        assertThat(new TotpSecrets(KEY, dataDir.toString()).open("admin", SECRET)).isEqualTo(SECRET);
    }
}
