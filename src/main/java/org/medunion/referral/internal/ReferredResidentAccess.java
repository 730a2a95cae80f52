package org.medunion.referral.internal;

import org.medunion.identity.CurrentUser;
import org.medunion.identity.ScopeType;
import org.medunion.residents.ResidentAccessExtension;
import org.medunion.residents.ResidentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A GP or specialist also sees the residents referred to or from their institution (product.md §11). */
@Component
class ReferredResidentAccess implements ResidentAccessExtension {

    private final JdbcClient jdbc;

    ReferredResidentAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean grantsAccess(CurrentUser user, ResidentId residentId) {
        if (user == null || residentId == null || user.scope().type() != ScopeType.INSTITUTION || user.scope().reference() == null) {
            return false;
        }
        var inst = user.scope().referenceId();
        return jdbc.sql("""
                select count(*) from referral_referral where resident_id = ? and status <> 'DRAFT'
                and (to_institution_id = ? or from_institution_id = ?)""")
                .params(residentId.value(), inst, inst).query(Long.class).single() > 0;
    }
}
