package org.medunion.shared;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One institution over local days {@code [from, to)} — the unit in which the indicators ask other modules for counts
 * (a consortium's value is its members' spans). {@link #where} turns a list of them into one SQL condition.
 */
public record InstitutionDays(UUID institution, LocalDate from, LocalDate to) {

    /**
     * {@code (inst = ? and at >= ? and at < ?) or …} over {@code institutionColumn} and the timestamp {@code instantColumn},
     * the days' bounds taken at midnight in {@code zone}; the parameters are appended to {@code params}.
     */
    public static String where(List<InstitutionDays> spans, String institutionColumn, String instantColumn, ZoneId zone,
                               List<Object> params) {
        var sql = new StringBuilder();
        for (int i = 0; i < spans.size(); i++) {
            var s = spans.get(i);
            sql.append(i == 0 ? "" : " or ").append('(').append(institutionColumn).append(" = ? and ").append(instantColumn)
                    .append(" >= ? and ").append(instantColumn).append(" < ?)");
            params.add(s.institution());
            params.add(Timestamp.from(s.from().atStartOfDay(zone).toInstant()));
            params.add(Timestamp.from(s.to().atStartOfDay(zone).toInstant()));
        }
        return sql.toString();
    }
}
