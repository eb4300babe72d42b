package org.anquan.hazards.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.anquan.directory.Directory;
import org.anquan.hazards.standards.JudgmentStandards;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.MapPoint;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Reporting a hazard, its page and its actions, its evidence, and its documents (the ledger, the notice). */
@Controller
class HazardController {

    private final HazardService service;
    private final HazardQueries queries;
    private final HazardActions actions;
    private final HazardLedger ledger;
    private final HazardPageData pageData;
    private final Directory directory;
    private final FileJobs fileJobs;
    private final Messages messages;
    private final Downloads downloads;
    private final JsonMapper json;
    private final Clock clock;
    private final JudgmentStandards standards;

    HazardController(JudgmentStandards standards, HazardService service, HazardQueries queries, HazardActions actions, HazardLedger ledger,
                     HazardPageData pageData, Directory directory, FileJobs fileJobs, Messages messages, Downloads downloads,
                     JsonMapper json, Clock clock) {
        this.standards = standards;
        this.service = service;
        this.queries = queries;
        this.actions = actions;
        this.ledger = ledger;
        this.pageData = pageData;
        this.directory = directory;
        this.fileJobs = fileJobs;
        this.messages = messages;
        this.downloads = downloads;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/hazards/new")
    String form(Model model) {
        CurrentUser me = CurrentUsers.require();
        if (!HazardService.mayReport(me)) {
            throw new AccessDeniedException("read-only");
        }
        model.addAttribute("form", HazardInput.empty());
        pageData.addWithMapTo(model);
        return "hazards/form";
    }

    @PostMapping("/hazards")
    String report(@ModelAttribute("form") HazardInput form, BindingResult binding,
                  @RequestParam(name = "photo", required = false) MultipartFile photo, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUsers.require();
        if (!binding.hasErrors()) {
            try {
                Hazard h = service.report(form, photo == null ? null : photo.getOriginalFilename(),
                        photo == null || photo.isEmpty() ? null : photo.getBytes(), me);
                redirect.addFlashAttribute("noticeKey", "hazard.reported");
                return "redirect:/hazards/" + h.getId();
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((f, key) -> binding.rejectValue(f, key));
            } catch (BusinessException e) {
                // the photo's bytes were refused: nothing was stored, the form comes back as typed
                model.addAttribute("photoError", messages.of(e));
            }
        }
        response.setStatus(422);
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", HazardInput.empty());
        }
        // the picker shows the chosen enterprise by name again
        Long chosen = ((HazardInput) model.getAttribute("form")).enterpriseId();
        model.addAttribute("enterpriseName", chosen == null ? null
                : directory.enterprise(chosen, me.scope()).map(e -> e.name()).orElse(null));
        pageData.addWithMapTo(model);
        return "hazards/form";
    }

    @GetMapping("/hazards/{id}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        Hazard h = service.get(id, me);
        model.addAttribute("h", h);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("enterprise", h.getEnterpriseId() == null ? null : directory.enterprise(h.getEnterpriseId()).orElse(null));
        model.addAttribute("department", directory.department(h.getDepartmentId()).orElse(null));
        model.addAttribute("county", directory.region(h.getCountyId()).orElse(null));
        model.addAttribute("industry", directory.industries().stream().filter(i -> i.code().equals(h.getIndustryCode())).findFirst().orElse(null));
        model.addAttribute("evidence", service.evidence(id));
        var situation = h.getCategoryCode() == null ? null : standards.situation(h.getCategoryCode()).orElse(null);
        model.addAttribute("situation", situation);
        model.addAttribute("listing", situation == null ? null : standards.listing(situation).orElse(null));
        model.addAttribute("acceptedBy", acceptedBy(h, locale));
        model.addAttribute("resumptionDue", h.resumptionReviewDue(service.resumptionReviewDays()));
        model.addAttribute("may", new Permissions(me));
        if (h.getLon() != null && h.getLat() != null) {
            model.addAttribute("location", json.writeValueAsString(List.of(new MapPoint(
                    h.getCode(), h.getLon(), h.getLat(), h.getGrade() == HazardGrade.MAJOR ? "#dc3545" : "#fd7e14", null))));
            pageData.addWithMapTo(model);
        } else {
            pageData.addTo(model);
        }
        return "hazards/detail";
    }

    /** The unit credited with the acceptance, by name. */
    private String acceptedBy(Hazard h, Locale locale) {
        if (h.getAcceptedUnitKind() == null) {
            return null;
        }
        return switch (h.getAcceptedUnitKind()) {
            case "CITY" -> messages.get("notice.supervision.office");
            case "REGION" -> directory.region(h.getAcceptedUnitId()).map(Directory.RegionRef::name).orElse(null);
            case "DEPARTMENT" -> directory.department(h.getAcceptedUnitId()).map(d -> d.name(locale)).orElse(null);
            default -> directory.enterprise(h.getAcceptedUnitId()).map(Directory.EnterpriseRef::name).orElse(null);
        };
    }

    /** Which action buttons the page shows; the service checks again. */
    record Permissions(CurrentUser user) {
        public boolean to(String action) {
            return HazardService.Action.valueOf(action).allowedFor(user);
        }
    }

    @PostMapping("/hazards/{id}/{action:verify|reject|assign|reroute|regrade|order|extend|grant|deny|stop|resume|review|workers|selfclose|plan|start|submit|accept|fail}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute HazardActionForm form,
               BindingResult binding, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("errorKey", "error.validation");
            return "redirect:/hazards/" + id;
        }
        return Actions.run("/hazards/" + id, "hazard.action.done." + action, redirect, () -> actions.perform(id, action, form, me));
    }

    @PostMapping("/hazards/{id}/evidence")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "EVIDENCE") String kind, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) throws IOException {
        CurrentUser me = CurrentUsers.require();
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? null : file.getBytes();
        return Actions.run("/hazards/" + id, "evidence.uploaded", redirect, () -> service.addEvidence(id, kind, name, bytes, version, me));
    }

    @GetMapping("/hazards/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        return service.evidenceFile(id, evidenceId, CurrentUsers.require())
                .map(f -> Downloads.stored(f.filename(), f.contentType(), f.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** 问题隐患清单: the filtered register for a period as the printed ledger, stock and increment. */
    @GetMapping("/hazards/ledger.xlsx")
    void ledger(@ModelAttribute HazardFilter filter,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response, Locale locale, HttpServletRequest request) throws IOException {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw new BusinessException("period.reversed");
        }
        HazardQueries.ORDER.parse(filter.sort());
        String unit = directory.unitName(me.scope(), locale).orElseGet(() -> messages.get("notice.supervision.office"));
        long rows = ledger.count(filter, me.scope(), f, t);
        if (fileJobs.inBackground(rows)) {
            // too long to wait for on one request: made in the background, the person watches or comes back
            String id = fileJobs.start(me.accountId(), messages.get("ledger.background", f, t),
                    messages.get("download.ledger", f, t) + ".xlsx", Downloads.XLSX, rows,
                    (progress, out) -> {
                        ledger.write(filter, me.scope(), unit, f, t, locale, out, progress::rows);
                        return null;
                    });
            response.sendRedirect(request.getContextPath() + "/jobs/" + id);
            return;
        }
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.ledger", f, t);
        ledger.write(filter, me.scope(), unit, f, t, locale, response.getOutputStream());
    }

    /** 整改通知书 for the enterprise or place, as Word. */
    /**
     * 责令限期整改指令书 as Word: as it was issued (number, unit, day, inspectors), with the legal basis,
     * the deadline, the appeal rights and a receipt line for the unit.
     */
    @GetMapping("/hazards/{id}/notice.docx")
    void notice(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        Hazard h = service.get(id, CurrentUsers.require());
        if (h.getOrderNumber() == null) {
            throw new BusinessException("order.not.issued");
        }
        String unit = h.getEnterpriseId() == null ? h.getPlace()
                : directory.enterprise(h.getEnterpriseId()).map(Directory.EnterpriseRef::name).orElse("");
        String issuer = switch (h.getOrderUnitKind()) {
            case "CITY" -> messages.get("notice.supervision.office");
            case "REGION" -> messages.get("order.unit.region", directory.region(h.getOrderUnitId()).map(Directory.RegionRef::name).orElse(""));
            default -> directory.department(h.getOrderUnitId()).map(d -> d.name(locale)).orElse("");
        };
        var doc = new OfficialDocument(messages.get("notice.rectification.title"), h.getOrderNumber())
                .to(unit)
                .paragraph(messages.get("order.inspected", OfficialDocument.date(h.getOrderIssuedOn(), locale),
                        h.getOrderInspectors()))
                .paragraph(messages.get("notice.rectification.found", h.getDescription()))
                .paragraph(messages.get("order.basis"))
                .paragraph(messages.get("notice.rectification.requirement",
                        OfficialDocument.date(h.getDeadline(), locale)))
                .paragraph(messages.get(h.getGrade() == HazardGrade.MAJOR ? "notice.rectification.major" : "notice.rectification.general"))
                .paragraph(messages.get("order.appeal"))
                .signedBy(issuer, h.getOrderIssuedOn(), locale)
                .closing(messages.get("order.receipt"));
        downloads.attach(response, Downloads.DOCX, ".docx", "download.rectification", h.getCode());
        doc.write(response.getOutputStream());
    }

}
