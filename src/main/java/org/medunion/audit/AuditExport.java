package org.medunion.audit;

import java.io.Writer;
import org.medunion.audit.AuditTrail.AuditQuery;

/** The trail for the audit administrator: export and verification, each of them itself recorded in the trail. */
public interface AuditExport {

    /** Most rows one export writes; narrow the time range for more. */
    int MAX_ROWS = 100_000;

    /** Writes the matching rows as CSV (UTF-8 with BOM for Excel, times in Asia/Shanghai), newest first. */
    void csv(AuditQuery query, Writer out);

    /** Verifies the hash chain for the caller; 403 unless they may read the trail. */
    ChainVerification verify();

    /** 403 unless the caller may read and export the trail (audit administrator; the system administrator for now). */
    void requireReader();
}
