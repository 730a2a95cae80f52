package org.medunion.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationSeries;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.SeriesView;
import org.medunion.consultation.SessionView;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of recurring sessions: joint clinics, remote rounds and nursing-home patrols (decision 0246). */
@RestController
@Tag(name = "Consultation series", description = "Joint clinics, remote rounds and nursing-home patrols as series of sessions: "
        + "calendar, attendance and the residents seen")
class ConsultationSeriesController {

    private final ConsultationSeries series;

    ConsultationSeriesController(ConsultationSeries series) {
        this.series = series;
    }

    @PostMapping("/api/consultation-series")
    @Operation(summary = "Create a series and its sessions (the host or visiting side; TM-1 agreement for clinics and rounds)")
    ResponseEntity<SeriesView> create(@RequestBody(required = false) @Nullable CreateSeries body) {
        if (body == null) {
            throw new InvalidInputException("body", Inputs.REQUIRED);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(series.create(body));
    }

    @GetMapping("/api/consultation-series/{id}")
    @Operation(summary = "One series")
    SeriesView get(@PathVariable UUID id) {
        return series.series(id);
    }

    @GetMapping("/api/consultation-sessions")
    @Operation(summary = "The caller's calendar: sessions between two local days, both inclusive (at most 62 days)")
    List<SessionView> calendar(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
        return series.calendar(day(from, "from"), day(to, "to"));
    }

    @GetMapping("/api/consultation-sessions/{id}")
    @Operation(summary = "One session with its attendees and, for the two sides, the residents seen (audited)")
    SessionView session(@PathVariable UUID id) {
        return series.session(id);
    }

    @PostMapping("/api/consultation-sessions/{id}/record")
    @Operation(summary = "Record who attended and the residents seen (the two sides; residents the host cares for)")
    SessionView record(@PathVariable UUID id, @RequestBody(required = false) @Nullable RecordSession body) {
        return series.record(id, body == null ? new RecordSession(null, null, null) : body);
    }

    @PostMapping("/api/consultation-sessions/{id}/cancel")
    @Operation(summary = "Cancel a planned session with a reason (the two sides)")
    SessionView cancel(@PathVariable UUID id, @RequestBody(required = false) @Nullable ConsultationNote body) {
        return series.cancel(id, body == null ? new ConsultationNote(null) : body);
    }

    static LocalDate day(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, Inputs.REQUIRED);
        }
        String text = value.strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "request.invalidField", text, "yyyy-MM-dd");
        }
    }
}
