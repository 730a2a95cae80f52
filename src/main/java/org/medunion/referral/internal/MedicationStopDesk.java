package org.medunion.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link MedicationStops}: the referral is read through the scoped, audited read, so a referral the caller cannot see is
 * 404 before anything else is said about it.
 */
@Service
@Transactional
class MedicationStopDesk implements MedicationStops {

    static final String OBJECT = "ReferralMedicationStop";
    private static final int NOTE_MAX = 500;

    private final ReferralQueries queries;
    private final ReferralLookup lookup;
    private final ReferralStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    MedicationStopDesk(ReferralQueries queries, ReferralLookup lookup, ReferralStore store, CurrentUsers users, AuditTrail audit,
                       Clock clock) {
        this.queries = queries;
        this.lookup = lookup;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Recorded stop(ReferralId id, Stop command) {
        CurrentUser user = users.require();
        ReferralView r = queries.get(id);
        if (!mayStop(user, r)) {
            throw new ForbiddenException(ReferralError.NOT_PHYSICIAN_OF_RECEIVER, id.value());
        }
        return record(r, command, user.username(), clock.instant());
    }

    /** The stop's checks and write without the caller's side (the backfill's caller is the system). */
    Recorded record(ReferralView r, @Nullable Stop command, String actor, Instant at) {
        if (!r.renewableMedicationList()) {
            throw new ConflictException(ReferralError.NO_MEDICATION_LIST, "id", r.status().name());
        }
        Reason reason = command == null ? null : command.reason();
        if (command == null || reason == null) {
            throw new InvalidInputException("reason", "field.required");
        }
        String note = note(command.note(), reason);
        if (find(r.id()).isPresent()) {
            throw new ConflictException(ReferralError.MEDICATION_ALREADY_STOPPED, "id");
        }
        try {
            store.jdbc()
                    .sql("insert into referral_medication_stop (referral_id, reason, note, stopped_by, stopped_at) values (?, ?, ?, ?, ?)")
                    .params(Arrays.asList(r.id().value(), reason.name(), note, actor, ReferralStore.ts(at))).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(ReferralError.MEDICATION_ALREADY_STOPPED, "id"); // a concurrent request was first
        }
        audit.record(AuditAction.UPDATE, OBJECT, r.id().value().toString(), r.residentId().toString(), "STOP " + reason.name());
        return find(r.id()).orElseThrow();
    }

    @Override
    public Optional<Recorded> stopOf(ReferralId id) {
        Referral r = lookup.visible(id, users.require()); // 404 when the caller may not see the referral
        var stop = find(id);
        // the stop is the resident's data: its read is audited (the referral itself was not read here)
        stop.ifPresent(x -> audit.record(AuditAction.READ, OBJECT, id.value().toString(), r.residentId().toString(), null));
        return stop;
    }

    /** A physician (family doctor or specialist) of the institution that received the referral. */
    static boolean mayStop(CurrentUser user, ReferralView r) {
        UUID inst = ReferralAccess.institutionOf(user);
        return (user.role() == Role.GP || user.role() == Role.SPECIALIST) && inst != null && inst.equals(r.toInstitutionId());
    }

    private static @Nullable String note(@Nullable String note, Reason reason) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null && reason == Reason.OTHER) {
            throw new InvalidInputException("note", "field.required");
        }
        if (text != null && text.length() > NOTE_MAX) {
            throw new InvalidInputException("note", ReferralError.TEXT_TOO_LONG, NOTE_MAX);
        }
        return text;
    }

    private Optional<Recorded> find(ReferralId id) {
        return store.jdbc().sql("select reason, note, stopped_by, stopped_at from referral_medication_stop where referral_id = ?")
                .param(id.value())
                .query((rs, n) -> new Recorded(id, Reason.valueOf(rs.getString("reason")), rs.getString("note"),
                        rs.getString("stopped_by"), ReferralStore.instant(rs, "stopped_at")))
                .optional();
    }
}
