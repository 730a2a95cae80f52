package org.medunion.indicators.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.indicators.AssessmentAction;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentKind;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentRating;
import org.medunion.indicators.AssessmentStatus;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.AssessmentWorkflow;
import org.medunion.indicators.CreateAssessment;
import org.medunion.indicators.DimensionEntry;
import org.medunion.indicators.ExternalAssessment;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.PackLabels;
import org.medunion.indicators.SelfAssessment;
import org.medunion.indicators.Snapshot;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormFeedback;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Console pages /console/assessments: the assessments of the caller's scope (the planner opens new ones), one assessment
 * with its dimensions, both sides' ratings and the figures by dimension (frozen, or a live preview marked as such), the
 * office's self-assessment form, the planner's return, external assessment and freeze (with a confirmation), and the
 * Excel and PDF downloads. A refused form is shown again with its message next to the field.
 */
@Controller
@ConsolePage
@RequestMapping("/console/assessments")
class AssessmentConsoleController {

    private final AssessmentManagement assessments;
    private final AssessmentExports exports;
    private final RegistryManagement registry;
    private final ConsoleSupport console;
    private final MessageSource messages;
    private final Clock clock;
    private final DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    AssessmentConsoleController(AssessmentManagement assessments, AssessmentExports exports, RegistryManagement registry,
                                ConsoleSupport console, MessageSource messages, Clock clock) {
        this.assessments = assessments;
        this.exports = exports;
        this.registry = registry;
        this.console = console;
        this.messages = messages;
        this.clock = clock;
    }

    /** Figures as the page prints them: frozen (numeric(20,4)) and live values alike without trailing zeros. */
    public record NumberText() {

        public String of(@Nullable BigDecimal n) {
            return n == null ? "" : AssessmentDocuments.number(n);
        }
    }

    /** The lists a dimension form posts: one entry per dimension, in the form's order. */
    record DimensionForm(@Nullable List<String> dimension, @Nullable List<String> rating, @Nullable List<String> score,
                         @Nullable List<String> comment, @Nullable List<String> evidence, @Nullable List<String> reference) {

        List<DimensionEntry> entries() {
            List<String> ids = dimension == null ? List.of() : dimension;
            List<DimensionEntry> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(new DimensionEntry(ids.get(i), at(rating, i), score(at(score, i), i), at(comment, i), at(evidence, i),
                        at(reference, i)));
            }
            return out;
        }

        /** What was typed, by dimension and field, to show a refused form again as it was sent. */
        Map<String, Map<String, String>> posted() {
            List<String> ids = dimension == null ? List.of() : dimension;
            Map<String, Map<String, String>> out = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                Map<String, String> fields = new HashMap<>();
                put(fields, "rating", at(rating, i));
                put(fields, "score", at(score, i));
                put(fields, "comment", at(comment, i));
                put(fields, "evidence", at(evidence, i));
                put(fields, "reference", at(reference, i));
                out.put(ids.get(i), fields);
            }
            return out;
        }

        private static void put(Map<String, String> fields, String key, @Nullable String value) {
            if (value != null) {
                fields.put(key, value);
            }
        }

        private static @Nullable String at(@Nullable List<String> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }

        private static @Nullable Integer score(@Nullable String s, int i) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("dimensions[" + i + "].score", IndicatorsError.INVALID_SCORE, s);
            }
        }
    }

    @GetMapping
    String list(Model model) {
        CurrentUser me = console.me();
        model.addAttribute("assessments", assessments.assessments(null));
        model.addAttribute("mayCreate", me.role() == Role.PLANNER);
        if (me.role() == Role.PLANNER) {
            model.addAttribute("consortia", registry.consortia().stream().filter(ConsortiumView::active)
                    .filter(c -> me.scope().coversDivision(c.districtCode())).toList());
            model.addAttribute("kinds", AssessmentKind.values());
            model.addAttribute("thisYear", Year.now(clock).getValue());
        }
        return "indicators/assessments";
    }

    @PostMapping
    String create(@RequestParam(required = false) @Nullable UUID consortiumId, @RequestParam(required = false) @Nullable String kind,
                  @RequestParam(required = false) @Nullable String year, Model model, HttpServletResponse response) {
        model.addAttribute("postedConsortium", consortiumId == null ? "" : consortiumId.toString());
        model.addAttribute("postedKind", kind);
        model.addAttribute("postedYear", year);
        try {
            Integer y = year == null || year.isBlank() ? null : parseYear(year);
            var a = assessments.create(new CreateAssessment(consortiumId, kind, y));
            return "redirect:/console/assessments/" + a.id();
        } catch (MedUnionException e) {
            refused(e, model, response);
            return list(model);
        }
    }

    private static Integer parseYear(String year) {
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", IndicatorsError.INVALID_YEAR, year, "", "");
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        AssessmentView a = assessments.assessment(new AssessmentId(id));
        CurrentUser me = console.me();
        model.addAttribute("a", a);
        Snapshot s = assessments.snapshot(a.id());
        model.addAttribute("s", s);
        model.addAttribute("packLabels", PackLabels.labels(messages, LocaleContextHolder.getLocale(), s));
        model.addAttribute("time", time);
        model.addAttribute("num", new NumberText());
        model.addAttribute("ratings", AssessmentRating.values());
        model.addAttribute("maySelfAssess", me.role() == Role.OFFICE && legal(a, AssessmentAction.SELF_ASSESS));
        model.addAttribute("mayAttach", me.role() == Role.OFFICE && !a.frozen());
        boolean planner = me.role() == Role.PLANNER;
        model.addAttribute("mayReturn", planner && legal(a, AssessmentAction.RETURN));
        model.addAttribute("mayAssess", planner && legal(a, AssessmentAction.ASSESS));
        model.addAttribute("mayFreeze", planner && legal(a, AssessmentAction.FREEZE));
        return "indicators/assessment";
    }

    private static boolean legal(AssessmentView a, AssessmentAction action) {
        return a.status() != AssessmentStatus.FROZEN && AssessmentWorkflow.isLegal(a.status(), action);
    }

    @PostMapping("/{id}/self-assessment")
    String selfAssess(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> dimension,
                      @RequestParam(required = false) @Nullable List<String> rating,
                      @RequestParam(required = false) @Nullable List<String> score,
                      @RequestParam(required = false) @Nullable List<String> comment,
                      @RequestParam(required = false) @Nullable List<String> evidence,
                      @RequestParam(required = false) @Nullable List<String> reference, Model model, HttpServletResponse response) {
        var form = new DimensionForm(dimension, rating, score, comment, evidence, reference);
        model.addAttribute("posted", form.posted());
        return act(id, model, response, () -> assessments.selfAssess(new AssessmentId(id), new SelfAssessment(form.entries())), "selfDone");
    }

    @PostMapping("/{id}/return")
    String returnToOffice(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Model model,
                          HttpServletResponse response) {
        model.addAttribute("postedReason", reason);
        return act(id, model, response, () -> assessments.returnToOffice(new AssessmentId(id), reason), "returned");
    }

    @PostMapping("/{id}/external-assessment")
    String assessExternally(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> dimension,
                            @RequestParam(required = false) @Nullable List<String> rating,
                            @RequestParam(required = false) @Nullable List<String> score,
                            @RequestParam(required = false) @Nullable List<String> comment,
                            @RequestParam(required = false) @Nullable String overallRating,
                            @RequestParam(required = false) @Nullable String conclusion, Model model, HttpServletResponse response) {
        var form = new DimensionForm(dimension, rating, score, comment, null, null);
        model.addAttribute("postedExternal", form.posted());
        model.addAttribute("postedOverall", overallRating);
        model.addAttribute("postedConclusion", conclusion);
        return act(id, model, response, () -> assessments.assessExternally(new AssessmentId(id),
                new ExternalAssessment(form.entries(), overallRating, conclusion)), "assessed");
    }

    @PostMapping("/{id}/freeze")
    String freeze(@PathVariable UUID id, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> assessments.freeze(new AssessmentId(id)), "frozen");
    }

    @PostMapping("/{id}/evidence")
    String uploadEvidence(@PathVariable UUID id, @RequestParam(required = false) @Nullable String dimension,
                          @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
                          HttpServletResponse response)
            throws IOException {
        var upload = AssessmentController.evidence(dimension, file);
        model.addAttribute("postedEvidenceDimension", dimension);
        return act(id, model, response, () -> assessments.uploadEvidence(new AssessmentId(id), upload), "evidenceAdded");
    }

    @PostMapping("/{id}/evidence/{evidence}/remove")
    String removeEvidence(@PathVariable UUID id, @PathVariable UUID evidence, Model model, HttpServletResponse response) {
        return act(id, model, response, () -> assessments.removeEvidence(new AssessmentId(id), evidence), "evidenceRemoved");
    }

    @GetMapping("/{id}/evidence/{evidence}")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID evidence) {
        return AssessmentController.file(assessments.evidenceContent(new AssessmentId(id), evidence));
    }

    @GetMapping("/{id}/export.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable UUID id) {
        return exports.xlsx(new AssessmentId(id));
    }

    @GetMapping("/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return exports.pdf(new AssessmentId(id));
    }

    /** Runs a step; on success back to the page with a note, else the page again with the message (403 and 404 as errors). */
    private String act(UUID id, Model model, HttpServletResponse response, Runnable step, String done) {
        try {
            step.run();
            return "redirect:/console/assessments/" + id + "?done=" + done;
        } catch (MedUnionException e) {
            refused(e, model, response);
            return detail(id, model);
        }
    }

    private void refused(MedUnionException e, Model model, HttpServletResponse response) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        response.setStatus(e.status());
        FormFeedback feedback = console.feedback(e);
        model.addAttribute("errors", feedback);
    }
}
