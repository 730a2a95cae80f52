package org.medunion.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medunion.support.H2Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A denial row that cannot be written is counted for the auditor's workbench, with its time (等保 安全审计 d). */
@H2Test
class AuditAlertsH2Test {

    @Autowired
    AuditAlerts alerts;

    @Test
    void aFailedAuditWriteIsCountedWithItsTime() {
        long before = alerts.summary().writeFailures();
        alerts.writeFailed();
        var after = alerts.summary();
        assertThat(after.writeFailures()).isEqualTo(before + 1);
        assertThat(after.writeFailed()).isTrue();
        assertThat(after.lastWriteFailure()).isNotNull();
    }
}
