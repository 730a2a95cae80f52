package org.medunion.pharmacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.pharmacy.PrescriptionWorkload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts of the caller's work, in SQL: no prescription is read, so nothing personal is returned or audited. */
@Service
@Transactional(readOnly = true)
class PrescriptionWorkloads implements PrescriptionWorkload.Source {

    private final PharmacyStore store;
    private final CurrentUsers users;
    private final Clock clock;

    PrescriptionWorkloads(PharmacyStore store, CurrentUsers users, Clock clock) {
        this.store = store;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public PrescriptionWorkload workload() {
        var user = users.require();
        UUID inst = PrescriptionAccess.institutionOf(user);
        if (inst == null) {
            return new PrescriptionWorkload(0, 0, 0, 0);
        }
        if (user.role() == Role.PHARMACIST) {
            long queue = count("reviewing_institution_id = ? and status = 'IN_REVIEW'", List.of(inst));
            long overdue = count("reviewing_institution_id = ? and status = 'IN_REVIEW' and due_at < ?",
                    List.of(inst, Timestamp.from(clock.instant())));
            long dispense = count("dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED')", List.of(inst));
            return new PrescriptionWorkload(queue, overdue, dispense, 0);
        }
        if (user.role() == Role.GP || user.role() == Role.SPECIALIST) {
            return new PrescriptionWorkload(0, 0, 0, count("prescribing_institution_id = ? and status = 'RETURNED'", List.of(inst)));
        }
        return new PrescriptionWorkload(0, 0, 0, 0);
    }

    private long count(String where, List<Object> params) {
        return store.countBy("1", where, params).values().stream().mapToLong(Long::longValue).sum();
    }
}
