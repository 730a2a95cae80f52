package org.medunion.audit.internal;

import org.medunion.audit.ChainVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Command-line check of the audit hash chain, without starting the application (docs/security-audit.md):
 * reads MEDUNION_DB_URL, MEDUNION_DB_USER and MEDUNION_DB_PASSWORD like the application does, prints the result
 * and exits 0 when the chain is intact, 1 at the first break, 2 when it cannot check.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] args) {
        String url = env("MEDUNION_DB_URL", "jdbc:h2:file:./data/medunion;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        try {
            var ds = new DriverManagerDataSource(url, env("MEDUNION_DB_USER", "sa"), env("MEDUNION_DB_PASSWORD", ""));
            ChainVerification v = AuditChain.verify(JdbcClient.create(ds));
            if (v.intact()) {
                System.out.println("audit chain intact: " + v.rowsChecked() + " rows, " + v.waiting() + " waiting for the sealer");
                System.exit(0);
            }
            System.out.println("audit chain BROKEN at position " + v.brokenAt() + " (" + v.reason() + ")"
                    + (v.brokenRow() == null ? "" : ", row " + v.brokenRow()) + "; " + v.rowsChecked() + " rows intact before it");
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("cannot check the audit chain: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
