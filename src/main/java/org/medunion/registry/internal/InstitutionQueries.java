package org.medunion.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionSearch;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.DivisionCode;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Institution search and the practitioners of visible institutions, limited to the caller's scope in SQL. */
@Component
class InstitutionQueries {

    private final ReferenceDataStore referenceData;
    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final RegistryAccess access;

    InstitutionQueries(ReferenceDataStore referenceData, InstitutionStore institutions, PractitionerStore practitioners,
                       RegistryAccess access) {
        this.referenceData = referenceData;
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.access = access;
    }

    List<InstitutionView> search(InstitutionSearch search, ChangeWindow changed) {
        List<Object> params = new ArrayList<>();
        var clauses = new StringBuilder(where(search, params));
        changed.appendTo(clauses, params, "i.updated_at");
        String where = clauses.toString();
        int limit = (int) Check.range(search.limit(), 1, 10_000, "limit");
        int offset = (int) Check.range(search.offset(), 0, Integer.MAX_VALUE, "offset");
        return institutions.query(where, params, offset, limit, search.order(), search.descending());
    }

    long count(InstitutionSearch search) {
        List<Object> params = new ArrayList<>();
        return institutions.count(where(search, params), params);
    }

    /** By credit code, whatever the scope (the facade then applies the caller's). */
    Optional<InstitutionView> byCreditCode(String creditCode) {
        return creditCode == null ? Optional.empty() : institutions.findByCreditCode(creditCode.trim().toUpperCase());
    }

    /** Practitioners at the institutions the caller sees: the scope filter runs in SQL, not over every practitioner. */
    List<PractitionerView> visiblePractitioners(ChangeWindow changed) {
        List<Object> params = new ArrayList<>();
        return practitioners.atInstitutions(access.caller().institutionFilter(params), params, changed);
    }

    private String where(InstitutionSearch s, List<Object> params) {
        Check.required(s, "search");
        var where = new StringBuilder();
        String text = Check.optionalText(s.text(), "text", 100);
        if (text != null) {
            where.append(" and (lower(i.name) like ? or i.credit_code like ?)");
            String pattern = "%" + text.toLowerCase().replace("\\", "").replace("%", "").replace("_", "") + "%";
            params.add(pattern);
            params.add(text.toUpperCase().replace("%", "").replace("_", "") + "%");
        }
        equal(where, params, "i.category", s.category());
        equal(where, params, "i.level", s.level());
        equal(where, params, "i.affiliation", s.affiliation());
        if (s.districtCode() != null) {
            if (referenceData.district(s.districtCode()).isEmpty()) {
                throw new InvalidInputException("district", RegistryError.UNKNOWN_DISTRICT, s.districtCode());
            }
            where.append(" and i.district_code like ?");
            params.add(DivisionCode.significantPrefix(s.districtCode()) + "%");
        }
        if (s.consortiumId() != null) {
            where.append(
                    " and i.id in (select m.institution_id from registry_membership m where m.consortium_id = ? and m.end_date is null)");
            params.add(s.consortiumId().value());
        }
        if (Boolean.TRUE.equals(s.primaryOnly())) {
            where.append(
                    " and i.category in ('COMMUNITY_HEALTH_CENTRE', 'COMMUNITY_HEALTH_STATION', 'TOWNSHIP_HOSPITAL', 'VILLAGE_CLINIC')");
        }
        where.append(access.caller().institutionFilter(params));
        return where.toString();
    }

    private static void equal(StringBuilder where, List<Object> params, String column, @Nullable Enum<?> value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            params.add(value.name());
        }
    }
}
