package org.medunion.identity.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals, once at start, TOTP secrets enrolled before they were stored sealed, so no clear secret stays in the
 * database after an upgrade.
 */
@Component
class TotpSecretResealer implements SmartInitializingSingleton {

    private final JdbcClient jdbc;
    private final TotpSecrets secrets;

    TotpSecretResealer(JdbcClient jdbc, TotpSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public void afterSingletonsInstantiated() {
        record Clear(String username, String secret) {
        }
        var clear = jdbc.sql("select username, totp_secret from identity_account where totp_secret is not null")
                .query((rs, n) -> new Clear(rs.getString(1), rs.getString(2))).list();
        for (Clear c : clear) {
            if (!TotpSecrets.isSealed(c.secret())) {
                jdbc.sql("update identity_account set totp_secret = ? where username = ? and totp_secret = ?")
                        .params(secrets.seal(c.username(), c.secret()), c.username(), c.secret()).update();
            }
        }
    }
}
