package org.medunion.referral.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medunion.referral.ReceivedMedicationLists;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralMeasures.CountedReferral;
import org.medunion.referral.ReferralStatus;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReceivedMedicationLists} from the referral and transition tables, in one query over the windows. */
@Service
@Transactional(readOnly = true)
class ReceivedMedicationListsService implements ReceivedMedicationLists {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReceivedMedicationListsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Received> received(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "r.to_institution_id", "a.accepted_at", clock.getZone(), params);
        return jdbc.sql("""
                select r.id, a.accepted_at, s.stopped_at, r.number, r.direction, r.from_institution_id, r.to_institution_id,
                       r.status, r.submitted_at,
                       (select min(t.at) from referral_transition t where t.referral_id = r.id
                         and t.to_status = 'COMPLETED') completed_at,
                       (select count(*) from referral_feedback f where f.referral_id = r.id) feedback
                from referral_referral r
                join (select referral_id, min(at) accepted_at from referral_transition where to_status = 'ACCEPTED'
                      group by referral_id) a on a.referral_id = r.id
                left join referral_medication_stop s on s.referral_id = r.id
                where r.direction = 'DOWN' and exists (select 1 from referral_medication m where m.referral_id = r.id)
                  and (""" + where + ") order by a.accepted_at")
                .params(params)
                .query((rs, n) -> {
                    var accepted = rs.getTimestamp("accepted_at").toInstant();
                    var referral = new CountedReferral(rs.getString("number"), ReferralDirection.valueOf(rs.getString("direction")),
                            rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                            ReferralStatus.valueOf(rs.getString("status")), ReferralStore.instant(rs, "submitted_at"), accepted,
                            ReferralStore.instant(rs, "completed_at"), null, rs.getLong("feedback") > 0);
                    return new Received(rs.getObject("id", UUID.class), accepted, ReferralStore.instant(rs, "stopped_at"), referral);
                })
                .list();
    }
}
