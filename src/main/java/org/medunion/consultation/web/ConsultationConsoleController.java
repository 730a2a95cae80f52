package org.medunion.consultation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationBox;
import org.medunion.consultation.ConsultationDestination;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationLiveSessions;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationStepView;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUploads;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.MessageView;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.RecordLiveSession;
import org.medunion.consultation.RequestConsultation;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.FormValues;
import org.medunion.shared.web.LinkedFormValues;
import org.medunion.shared.web.ListPage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Console pages of consultations: the inviting doctor's requests and the new-request form (resident picker,
 * consent, invited institution and expert), the expert's work list with deadlines, the detail page with the record
 * summary, the steps, the conversation and the opinion form, and the office's overdue queue. The service's refusals
 * (TM gates included) come back on the page next to the field they name.
 */
@Controller
@ConsolePage
class ConsultationConsoleController {

    private final ConsultationManagement consultations;
    private final ConsultationLiveSessions liveSessions;
    private final ConsultationSlotChoices slotChoices;
    private final ResidentsManagement residents;
    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final AccountManagement accounts;
    private final ConsultationUploads uploads;
    private final DiagnosticsManagement diagnostics;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the page's collaborators, injected
    ConsultationConsoleController(ConsultationManagement consultations, ConsultationLiveSessions liveSessions,
                                  ConsultationSlotChoices slotChoices, ResidentsManagement residents,
                                  RegistryManagement registry, ConsoleSupport support, AccountManagement accounts,
                                  ConsultationUploads uploads, DiagnosticsManagement diagnostics, Clock clock) {
        this.consultations = consultations;
        this.liveSessions = liveSessions;
        this.slotChoices = slotChoices;
        this.residents = residents;
        this.registry = registry;
        this.support = support;
        this.accounts = accounts;
        this.uploads = uploads;
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    @GetMapping("/console/consultations")
    String list(@RequestParam(required = false) @Nullable ConsultationBox box, @RequestParam(defaultValue = "0") int page,
                Model model) {
        var role = support.me().role();
        List<ConsultationBox> boxes = switch (role) {
            case GP -> List.of(ConsultationBox.MINE, ConsultationBox.TO_ME);
            case SPECIALIST -> List.of(ConsultationBox.TO_ME, ConsultationBox.MINE);
            case OFFICE -> List.of(ConsultationBox.OVERDUE, ConsultationBox.CLOSED);
            case ADMIN -> List.of(ConsultationBox.OVERDUE, ConsultationBox.TO_ME, ConsultationBox.MINE, ConsultationBox.CLOSED);
            default -> List.of();
        };
        ConsultationBox chosen = box != null && boxes.contains(box) ? box : boxes.isEmpty() ? null : boxes.get(0);
        model.addAttribute("boxes", boxes);
        model.addAttribute("box", chosen);
        ListPage<ConsultationView> result = chosen == null ? ListPage.of(List.of(), 0) : page(chosen, Math.max(0, page));
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items());
        model.addAttribute("now", clock.instant());
        return "consultation/list";
    }

    /** One page of the box, cut in SQL; a page past the end shows the last one. */
    private ListPage<ConsultationView> page(ConsultationBox box, int page) {
        var slice = consultations.list(box, ListPage.SIZE, page * ListPage.SIZE);
        int pages = (int) Math.max(1, (slice.total() + ListPage.SIZE - 1) / ListPage.SIZE);
        if (page >= pages && slice.total() > 0) {
            return page(box, pages - 1);
        }
        return new ListPage<>(slice.items(), page, pages, slice.total());
    }

    @GetMapping("/console/consultations/new")
    String form(Model model) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        choices(model, new LinkedFormValues(new LinkedMultiValueMap<>()));
        return "consultation/new";
    }

    @PostMapping("/console/consultations/new")
    String create(@RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
                  HttpServletResponse response)
            throws IOException {
        support.requireRole(Role.GP, Role.SPECIALIST);
        var v = new LinkedFormValues(params);
        try {
            var doc = file == null || file.isEmpty() ? null
                    : ConsultationAttachmentController.document(file, v.get("attachmentTitle"), null);
            var created = uploads.request(command(v), doc);
            return "redirect:/console/consultations/" + created.id() + "?saved";
        } catch (MedUnionException e) {
            if (e.status() == 403) {
                throw e;
            }
            response.setStatus(ConsultationAttachmentConsole.formStatus(e));
            model.addAttribute("errors", support.feedback(e));
            choices(model, v);
            UUID resident = FormValues.uuidOrNull(v.get("residentId"));
            if (resident != null) {
                route(model, resident);
            }
            ConsultationAttachmentConsole.picker(model, diagnostics, resident);
            return "consultation/new";
        }
    }

    @GetMapping("/console/consultations/new/residents")
    String residents(@RequestParam(required = false) @Nullable String q, Model model, HttpServletResponse response) {
        String text = FormValues.blankToNull(q);
        var found = text == null ? List.<ResidentView>of() : residents.search(ResidentSearch.typed(text, 20));
        model.addAttribute("found", found);
        model.addAttribute("v", new LinkedFormValues(new LinkedMultiValueMap<>()));
        model.addAttribute("routedOob", false);
        Role role = support.me().role();
        if (found.size() == 1 && (role == Role.GP || role == Role.SPECIALIST)) {
            choices(model, new LinkedFormValues(new LinkedMultiValueMap<>()));
            model.addAttribute("found", found);
            // the only match is chosen at once: its destinations come with it, swapped in out of band
            route(model, found.get(0).id().value());
            model.addAttribute("routedOob", true);
            response.setHeader("HX-Trigger", ConsultationAttachmentConsole.RESIDENT_PICKED); // the result picker follows
        }
        return "consultation/new :: residents";
    }

    /** The invited-institution choice ranked for the chosen resident (TM-15, SH-15), when a resident is picked. */
    @GetMapping("/console/consultations/new/destinations")
    String destinations(@RequestParam(required = false) @Nullable UUID residentId, Model model, HttpServletResponse response) {
        support.requireRole(Role.GP, Role.SPECIALIST);
        response.setHeader("HX-Trigger", ConsultationAttachmentConsole.RESIDENT_PICKED);
        choices(model, new LinkedFormValues(new LinkedMultiValueMap<>()));
        if (residentId != null) {
            route(model, residentId);
        }
        return "consultation/new :: invited-select(oob=false)";
    }

    @GetMapping("/console/consultations/{id}")
    String detail(@PathVariable UUID id, Model model) {
        var c = consultations.get(new ConsultationId(id));
        var steps = consultations.steps(new ConsultationId(id));
        model.addAttribute("c", c);
        model.addAttribute("steps", steps);
        var allowed = consultations.allowedActions(new ConsultationId(id));
        model.addAttribute("allowed", allowed);
        var me = support.me();
        boolean party = me.role() != Role.OFFICE;
        List<MessageView> messages = party ? consultations.messages(new ConsultationId(id)) : List.of();
        model.addAttribute("messages", messages);
        model.addAttribute("people", people(c, steps, messages));
        model.addAttribute("party", party);
        model.addAttribute("recentResults", party ? ConsultationAttachmentConsole.recent(diagnostics, c.residentId()) : List.of());
        // each institution's physicians read once for the page: the expert choice, the slot owners, the session people
        Map<UUID, List<PractitionerView>> staff = new HashMap<>();
        Function<@Nullable UUID, List<PractitionerView>> physiciansOf = k -> k == null ? List.of()
                : staff.computeIfAbsent(k, this::physicians);
        model.addAttribute("experts", me.scope().reference() == null ? List.of()
                : physiciansOf.apply(me.scope().referenceId()));
        model.addAttribute("now", clock.instant());
        model.addAttribute("consultationSlots", slotChoices.of(c, allowed, physiciansOf.apply(c.toInstitutionId())));
        // decision 0255: who may be recorded at a live session, of either side (an institution out of scope lists none)
        model.addAttribute("sessionPeople", party ? Stream.concat(physiciansOf.apply(c.fromInstitutionId()).stream(),
                physiciansOf.apply(c.toInstitutionId()).stream()).toList() : List.of());
        return "consultation/detail";
    }

    @PostMapping("/console/consultations/{id}/{action}")
    String act(@PathVariable UUID id, @PathVariable String action, @RequestParam MultiValueMap<String, String> params,
               Model model, HttpServletResponse response) {
        var v = new LinkedFormValues(params);
        var cid = new ConsultationId(id);
        var note = new ConsultationNote(v.get("text"));
        try {
            switch (action) {
                case "accept" -> consultations.accept(cid, new AcceptConsultation(instant(v.get("sessionAt")),
                        uuid(v.get("expertPractitionerId")), v.get("note"), uuid(v.get("slotId")),
                        uuids(params.get("expertIds"))));
                case "session" -> liveSessions.recordSession(cid, new RecordLiveSession(null,
                        uuids(params.get("participantIds")), v.get("note")));
                case "decline" -> consultations.decline(cid, note);
                case "ask-info" -> consultations.askInformation(cid, note);
                case "answer" -> consultations.answer(cid, note);
                case "start" -> consultations.start(cid);
                case "opinion" -> consultations.draftOpinion(cid, note);
                case "sign" -> consultations.signOpinion(cid);
                case "acknowledge" -> consultations.acknowledge(cid);
                case "close" -> consultations.close(cid);
                case "cancel" -> consultations.cancel(cid, note);
                case "messages" -> consultations.postMessage(cid, new PostMessage(v.get("body"), uuid(v.get("inReplyTo")),
                        ConsultationAttachmentConsole.results(v)));
                default -> {
                    return "redirect:/console/consultations/" + id;
                }
            }
            return "redirect:/console/consultations/" + id + "?done=" + action;
        } catch (MedUnionException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("errors", support.feedback(e));
            return detail(id, model);
        }
    }

    /** The names of the people a page names by account (requester, signer, steps, messages): users read names. */
    private Map<String, String> people(ConsultationView c, List<ConsultationStepView> steps, List<MessageView> messages) {
        var opinion = c.opinion();
        var names = new LinkedHashMap<String, String>();
        Stream.of(Stream.of(c.requestedBy(), c.acknowledgedBy(), opinion == null ? null : opinion.draftedBy(),
                opinion == null ? null : opinion.signedBy()), steps.stream().map(ConsultationStepView::actor),
                messages.stream().map(MessageView::author), attachments(c, messages)).flatMap(x -> x)
                .filter(Objects::nonNull).distinct()
                .forEach(u -> names.put(u, accounts.account(u).map(CurrentUser::displayName).orElse(u)));
        return names;
    }

    /** Who attached the request's and the messages' attachments (decision 0254). */
    private static Stream<String> attachments(ConsultationView c, List<MessageView> messages) {
        var request = c.attachments() == null ? List.<AttachmentView>of() : c.attachments();
        return Stream.concat(request.stream(), messages.stream().flatMap(m -> m.attachments().stream()))
                .map(AttachmentView::addedBy);
    }

    private void choices(Model model, LinkedFormValues v) {
        model.addAttribute("v", v);
        model.addAttribute("types", ConsultationType.values());
        model.addAttribute("urgencies", ConsultationUrgency.values());
        model.addAttribute("signers", ConsentSigner.values());
        model.addAttribute("found", List.of());
        var me = support.me();
        Map<UUID, String> invited = new LinkedHashMap<>();
        Map<String, List<PractitionerView>> experts = new LinkedHashMap<>();
        if (me.scope().reference() != null) {
            UUID mine = me.scope().requiredReferenceId();
            LocalDate today = LocalDate.now(clock);
            var ids = new ArrayList<InstitutionId>();
            registry.activeConsortiaOf(new InstitutionId(mine)).forEach(c -> c.activeMembers(today).forEach(m -> {
                if (!m.institutionId().value().equals(mine) && !ids.contains(m.institutionId())) {
                    ids.add(m.institutionId());
                }
            }));
            registry.institutionNames(ids).forEach((k, name) -> invited.put(k.value(), name));
            invited.forEach((k, name) -> experts.put(name, physicians(k)));
        }
        model.addAttribute("invited", invited);
        model.addAttribute("experts", experts);
        model.addAttribute("destinations", List.of());
        model.addAttribute("suggestedIds", Set.of());
        model.addAttribute("routedOob", false);
        model.addAttribute("recentResults", List.of());
    }

    /** Ranks the invited institutions for the resident; a resident the caller's institution does not care for ranks none. */
    private void route(Model model, UUID resident) {
        try {
            var destinations = consultations.destinations(resident);
            model.addAttribute("destinations", destinations);
            model.addAttribute("suggestedIds", destinations.stream().map(ConsultationDestination::institutionId)
                    .collect(Collectors.toSet()));
        } catch (MedUnionException e) {
            model.addAttribute("destinations", List.of());
        }
    }

    /** The selected ids of a multiple select (none when absent). */
    private static List<UUID> uuids(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(ConsultationConsoleController::uuid).filter(Objects::nonNull)
                .toList();
    }

    private List<PractitionerView> physicians(@Nullable UUID institution) {
        if (institution == null) {
            return List.of();
        }
        try {
            // the longest practising first (TM-5 counts years from the title date): the default choice qualifies
            return registry.practitioners(new InstitutionId(institution)).stream()
                    .filter(p -> p.profession() == Profession.PHYSICIAN)
                    .sorted(Comparator.comparing(PractitionerView::titleDate, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(PractitionerView::name))
                    .toList();
        } catch (MedUnionException e) {
            return List.of(); // another institution's staff list outside the caller's registry scope
        }
    }

    private RequestConsultation command(LinkedFormValues v) {
        return new RequestConsultation(FormValues.enumValue(ConsultationType.class, "type", v.get("type")),
                FormValues.enumValue(ConsultationUrgency.class, "urgency", v.get("urgency")), null, null,
                uuid(v.get("toInstitutionId")), v.get("toDepartment"), uuid(v.get("expertPractitionerId")),
                uuid(v.get("residentId")), v.get("reason"), v.get("purpose"), instant(v.get("proposedTime")),
                v.get("recordSummary"), v.get("invitedSpecialty"), v.get("invitedTitle"),
                FormValues.enumValue(ConsentSigner.class, "consentSigner", v.get("consentSigner")),
                v.get("consentSignerName"), v.get("consentReason"), FormValues.date("consentSignedOn", v.get("consentSignedOn")),
                "on".equals(v.get("conversionAuthorised")) || "true".equals(v.get("conversionAuthorised")),
                ConsultationAttachmentConsole.results(v));
    }

    private static @Nullable UUID uuid(@Nullable String s) {
        String t = FormValues.blankToNull(s);
        try {
            return t == null ? null : UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A datetime-local value in the console's zone. */
    private @Nullable Instant instant(@Nullable String s) {
        String t = FormValues.blankToNull(s);
        if (t == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(t).atZone(clock.getZone()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
