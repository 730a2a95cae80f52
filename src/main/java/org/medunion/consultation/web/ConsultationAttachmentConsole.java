package org.medunion.consultation.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentKind;
import org.medunion.consultation.ConsultationAttachments;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationUploads;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.ResultAttachment;
import org.medunion.consultation.UploadDocument;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReportView;
import org.medunion.identity.Role;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation page's attachments (decision 0254): the request's and a message's forms attach chosen results of the
 * resident ({@code reportId} check boxes, {@code imaging:} prefixed for the imaging study) and one uploaded document, in
 * one transaction with the step; a refusal comes back on the page; downloads are audited reads.
 */
@Controller
@ConsolePage
class ConsultationAttachmentConsole {

    /** How many of the resident's newest results the forms offer. */
    static final int RECENT = 12;
    private static final String IMAGING = "imaging:";

    /** The htmx event after which the new-request form's result picker asks for the chosen resident's results. */
    static final String RESIDENT_PICKED = "consultation-resident";

    private final ConsultationUploads uploads;
    private final ConsultationAttachments attachments;
    private final DiagnosticsManagement diagnostics;
    private final ConsoleSupport support;

    ConsultationAttachmentConsole(ConsultationUploads uploads, ConsultationAttachments attachments,
                                  DiagnosticsManagement diagnostics, ConsoleSupport support) {
        this.uploads = uploads;
        this.attachments = attachments;
        this.diagnostics = diagnostics;
        this.support = support;
    }

    /**
     * The new-request form's result picker (decision 0260): the chosen resident's newest results the caller may read
     * through the diagnostics module (none for a resident the caller's institution does not care for, as for one without
     * results), the ones already checked kept checked.
     */
    @GetMapping("/console/consultations/new/results")
    String picker(@RequestParam(required = false) @Nullable UUID residentId, @RequestParam MultiValueMap<String, String> params,
                  Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        model.addAttribute("v", new LinkedFormValues(params));
        picker(model, diagnostics, residentId);
        return "consultation/new :: results";
    }

    /** The picker's model: the resident's results the caller may read, none without a resident. */
    static void picker(Model model, DiagnosticsManagement diagnostics, @Nullable UUID resident) {
        model.addAttribute("pickedResident", resident);
        model.addAttribute("recentResults", resident == null ? List.of() : recent(diagnostics, resident));
    }

    /**
     * The new-request form's status for a refusal: a result the form did not offer (unknown, unreadable or another
     * resident's) is bad input to the form, 400 naming the attachment (decision 0260; the API keeps 0254's 404).
     */
    static int formStatus(MedUnionException e) {
        return e.field() != null && e.field().startsWith("attachments") ? 400 : e.status();
    }

    @PostMapping("/console/consultations/{id}/attachments")
    String attach(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        var v = new LinkedFormValues(params);
        try {
            var doc = document(file, v.get("title"));
            var results = results(v);
            if (doc == null && results == null) {
                throw new InvalidInputException("file", "field.required");
            }
            uploads.attach(new ConsultationId(id), results == null ? List.of() : results, doc);
            return "redirect:/console/consultations/" + id + "?done=attach";
        } catch (MedUnionException e) {
            return refused(id, e, redirect);
        }
    }

    @PostMapping("/console/consultations/{id}/attachments/message")
    String post(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(name = "file", required = false) @Nullable MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        var v = new LinkedFormValues(params);
        try {
            String reply = FormValues.blankToNull(v.get("inReplyTo"));
            uploads.post(new ConsultationId(id), new PostMessage(v.get("body"), reply == null ? null : UUID.fromString(reply),
                    results(v)), document(file, v.get("title")));
            return "redirect:/console/consultations/" + id + "?done=messages";
        } catch (MedUnionException e) {
            return refused(id, e, redirect);
        }
    }

    @GetMapping("/console/consultations/{id}/attachments/{attachment}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachment) {
        return ConsultationAttachmentController.file(attachments.download(new ConsultationId(id), attachment));
    }

    private String refused(UUID id, MedUnionException e, RedirectAttributes redirect) {
        if (e.status() == 403 || e.status() == 404 && e.field() == null) {
            throw e;
        }
        redirect.addFlashAttribute("errors", support.feedback(e));
        return "redirect:/console/consultations/" + id;
    }

    private static @Nullable UploadDocument document(@Nullable MultipartFile file, @Nullable String title) throws IOException {
        return file == null || file.isEmpty() ? null : ConsultationAttachmentController.document(file, title, null);
    }

    /** The results checked on a form ({@code reportId}), null when none. */
    static @Nullable List<ResultAttachment> results(LinkedFormValues v) {
        var out = new ArrayList<ResultAttachment>();
        for (String raw : v.all("reportId")) {
            String s = FormValues.blankToNull(raw);
            if (s == null) {
                continue;
            }
            boolean imaging = s.startsWith(IMAGING);
            String uuid = imaging ? s.substring(IMAGING.length()) : s;
            try {
                out.add(new ResultAttachment(imaging ? AttachmentKind.IMAGING_STUDY : AttachmentKind.RESULT,
                        UUID.fromString(uuid)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reportId", "request.invalid");
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** The resident's newest results the caller may read, for the forms' check boxes (audited by diagnostics). */
    static List<ReportView> recent(DiagnosticsManagement diagnostics, UUID resident) {
        return diagnostics.reportsOf(resident).stream().limit(RECENT).toList();
    }
}
