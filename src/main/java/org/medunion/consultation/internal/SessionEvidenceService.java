package org.medunion.consultation.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.consultation.ConsultationSessionEvidence;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ParticipantSide;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ConsultationSessionEvidence} from the live-session tables: ids and counts only (decision 0255). */
@Service
@Transactional(readOnly = true)
class SessionEvidenceService implements ConsultationSessionEvidence {

    private final PanelStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    SessionEvidenceService(PanelStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the evidence says of a consultation besides its sessions. */
    private record Head(String number, ConsultationType type, UUID from, UUID to) {
    }

    @Override
    public List<LiveSessions> heldLiveSessions(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "c.from_institution_id", "s.held_at", clock.getZone(), params);
        var sessions = store.sessions("(" + where + ")", params);
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Held>> byConsultation = new LinkedHashMap<>();
        for (var s : sessions) {
            int invited = (int) s.participants().stream().filter(p -> p.side() == ParticipantSide.INVITED).count();
            int inviting = s.participants().size() - invited;
            int physicians = (int) s.participants().stream()
                    .filter(p -> p.side() == ParticipantSide.INVITING && p.physician()).count();
            byConsultation.computeIfAbsent(s.consultationId(), k -> new ArrayList<>())
                    .add(new Held(s.id(), s.heldAt(), invited, inviting, physicians));
        }
        var out = new ArrayList<LiveSessions>();
        byConsultation.forEach((id, held) -> {
            Head h = head(id);
            out.add(new LiveSessions(id, h.number(), h.type(), h.from(), h.to(), held));
        });
        return out;
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_1
    private Head head(UUID id) {
        return jdbc.sql("select number, type, from_institution_id, to_institution_id from consultation_consultation where id = ?")
                .param(id).query((rs, n) -> new Head(rs.getString("number"), ConsultationType.valueOf(rs.getString("type")),
                        rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class)))
                .single();
    }
}
