package org.medunion.pharmacy.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.medunion.policy.PharmacyEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the policy module's CQ-5, NN-8, NAT-6 and NAT-10 checks from the pharmacy tables: catalogue linkage per member and
 * prescription counts per prescribing institution — never a resident's data.
 */
@Component
@Transactional(readOnly = true)
class PolicyPharmacyEvidence implements PharmacyEvidenceSource {

    private final JdbcClient jdbc;

    PolicyPharmacyEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PharmacyEvidence evidence() {
        var catalogues = new HashMap<UUID, Catalogue>();
        jdbc.sql("select institution_id, count(*) n, count(formulary_code) m from pharmacy_catalogue_item group by institution_id")
                .query(rs -> {
                    catalogues.put(rs.getObject("institution_id", UUID.class), new Catalogue(rs.getLong("n"), rs.getLong("m")));
                });
        var longest = new HashMap<UUID, Long>();
        jdbc.sql("""
                select p.prescribing_institution_id, max(i.days_supply) longest from pharmacy_prescription p
                join pharmacy_prescription_item i on i.prescription_id = p.id where p.status <> 'CANCELLED'
                group by p.prescribing_institution_id""")
                .query(rs -> {
                    longest.put(rs.getObject("prescribing_institution_id", UUID.class), rs.getLong("longest"));
                });
        return new PharmacyEvidence(catalogues, counts(""), counts(" and (dispensing_institution_id <> prescribing_institution_id"
                + " or central_distribution)"), longest);
    }

    private Map<UUID, Long> counts(String condition) {
        var out = new HashMap<UUID, Long>();
        jdbc.sql("select prescribing_institution_id, count(*) n from pharmacy_prescription where status <> 'CANCELLED'" + condition
                + " group by prescribing_institution_id")
                .query(rs -> {
                    out.put(rs.getObject("prescribing_institution_id", UUID.class), rs.getLong("n"));
                });
        return out;
    }
}
