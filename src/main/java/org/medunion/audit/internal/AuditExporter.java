package org.medunion.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditEntry;
import org.medunion.audit.AuditExport;
import org.medunion.audit.AuditTrail;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.audit.ChainVerification;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Service;

@Service
class AuditExporter implements AuditExport {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSxxx").withZone(SHANGHAI);
    private static final int PAGE = 1000;

    private final AuditTrail trail;
    private final CurrentUsers users;

    AuditExporter(AuditTrail trail, CurrentUsers users) {
        this.trail = trail;
        this.users = users;
    }

    @Override
    public void requireReader() {
        Role role = users.require().role();
        // 三员 (decision 0020): only the audit administrator reads the trail, so the system and security
        // administrators, whose actions it records, cannot read or export it
        if (role != Role.AUDITOR) {
            throw new ForbiddenException("auth.forbidden");
        }
    }

    @Override
    public ChainVerification verify() {
        requireReader();
        ChainVerification v = trail.verifyChain();
        trail.record(AuditAction.READ, "AuditChain", null, null,
                v.intact() ? "verified, " + v.rowsChecked() + " rows intact" : "break at " + v.brokenAt() + " " + v.reason());
        return v;
    }

    @Override
    public void csv(AuditQuery query, Writer out) {
        requireReader();
        int written = 0;
        try {
            out.write('\uFEFF');
            out.write(
                    "id,time,actor,role,action,object_type,object_id,resident_ref,client_address,purpose,claimed_purpose,outcome,detail\r\n");
            for (int offset = 0; written < MAX_ROWS; offset += PAGE) {
                var page = trail.search(new AuditQuery(query.actor(), query.objectType(), query.objectId(), query.residentRef(),
                        query.action(), query.from(), query.to(), offset, Math.min(PAGE, MAX_ROWS - written)));
                for (AuditEntry e : page) {
                    line(out, e);
                    written++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trail.record(AuditAction.EXPORT, "AuditEvent", null, query.residentRef(), "CSV " + written + " rows; " + describe(query));
    }

    private static void line(Writer out, AuditEntry e) throws IOException {
        Object[] fields = {e.id(), TIME.format(e.occurredAt()), e.actor(), e.actorRole(), e.action(), e.objectType(), e.objectId(),
                e.residentRef(), e.clientAddress(), e.purpose(), e.claimedPurpose(), e.outcome(), e.detail()};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(fields[i]));
        }
        out.write("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a trail value as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return s.matches("[^\",\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String describe(AuditQuery q) {
        return "actor=" + q.actor() + " resident=" + q.residentRef() + " action=" + q.action() + " type=" + q.objectType()
                + " from=" + q.from() + " to=" + q.to();
    }
}
