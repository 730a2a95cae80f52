package org.medunion.referral.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medunion.referral.ReceivedMedicationLists;
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
                select r.id, a.accepted_at, s.stopped_at from referral_referral r
                join (select referral_id, min(at) accepted_at from referral_transition where to_status = 'ACCEPTED'
                      group by referral_id) a on a.referral_id = r.id
                left join referral_medication_stop s on s.referral_id = r.id
                where r.direction = 'DOWN' and exists (select 1 from referral_medication m where m.referral_id = r.id)
                  and (""" + where + ") order by a.accepted_at")
                .params(params)
                .query((rs, n) -> new Received(rs.getObject("id", UUID.class), rs.getTimestamp("accepted_at").toInstant(),
                        ReferralStore.instant(rs, "stopped_at")))
                .list();
    }
}
