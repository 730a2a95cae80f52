package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HOTP/TOTP math against the published test vectors of RFC 4226 (appendix D) and RFC 6238 (appendix B). */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({"0,755224", "1,287082", "2,359152", "3,969429", "4,338314", "5,254676", "6,287922", "7,162583",
            "8,399871", "9,520489"})
    void hotpMatchesRfc4226(long counter, String expected) {
        assertThat(Totp.hotp(SHA1_SEED, counter, 6, "HmacSHA1")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "59,94287082,46119246,90693936",
            "1111111109,07081804,68084774,25091201",
            "1111111111,14050471,67062674,99943326",
            "1234567890,89005924,91819424,93441116",
            "2000000000,69279037,90698825,38618901",
            "20000000000,65353130,77737706,47863826"})
    void totpMatchesRfc6238(long seconds, String sha1, String sha256, String sha512) {
        Instant t = Instant.ofEpochSecond(seconds);
        assertThat(Totp.totp(SHA1_SEED, t, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.totp(SHA256_SEED, t, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.totp(SHA512_SEED, t, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void verifyAcceptsOneStepOfDriftAndNothingElse() {
        String secret = Totp.base32(SHA1_SEED);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.base32Decode(secret)).isEqualTo(SHA1_SEED);
        Instant now = Instant.ofEpochSecond(1111111111);
        String code = Totp.totp(SHA1_SEED, now, 6, "HmacSHA1");
        assertThat(Totp.verify(secret, code, now)).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(90))).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
    }

    @Test
    void otpauthUriCarriesSecretAndIssuer() {
        assertThat(Totp.otpauthUri("MedUnion", "sec admin", "ABC"))
                .isEqualTo("otpauth://totp/MedUnion:sec%20admin?secret=ABC&issuer=MedUnion&algorithm=SHA1&digits=6&period=30");
    }
}
