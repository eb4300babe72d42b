package org.anquan.hazards.web;

import org.anquan.platform.web.Downloads;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.directory.Directory;
import org.anquan.hazards.domain.Hazard;
import org.anquan.hazards.domain.HazardFilter;
import org.anquan.hazards.domain.HazardGrade;
import org.anquan.hazards.domain.HazardInput;
import org.anquan.hazards.domain.HazardQueries;
import org.anquan.hazards.domain.HazardService;
import org.anquan.hazards.domain.HazardSource;
import org.anquan.hazards.domain.HazardStatus;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.PageResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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

@Controller
class HazardController {

    private final tools.jackson.databind.json.JsonMapper json;
    private final Downloads downloads;
    private final HazardService service;
    private final HazardQueries queries;
    private final HazardActions actions;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final org.anquan.platform.web.Messages messages;
    private final org.anquan.hazards.domain.HazardLedger ledger;
    private final Clock clock;
    private final org.anquan.platform.web.ListPreferences preferences;
    private final org.anquan.platform.files.FileJobs fileJobs;

    HazardController(org.anquan.platform.files.FileJobs fileJobs, org.anquan.platform.web.ListPreferences preferences, HazardService service, HazardQueries queries, HazardActions actions, Directory directory,
                     JdbcClient jdbc, org.anquan.platform.web.Messages messages,
                     org.anquan.hazards.domain.HazardLedger ledger, Clock clock, Downloads downloads, tools.jackson.databind.json.JsonMapper json) {
        this.preferences = preferences;
        this.fileJobs = fileJobs;
        this.json = json;
        this.downloads = downloads;
        this.messages = messages;
        this.ledger = ledger;
        this.service = service;
        this.queries = queries;
        this.actions = actions;
        this.directory = directory;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/hazards")
    String list(@ModelAttribute("filter") HazardFilter filter, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer size, HtmxRequest htmx, Model model, Locale locale,
                jakarta.servlet.http.HttpServletRequest request) {
        CurrentUser me = CurrentUsers.require();
        HazardQueries.ORDER.parse(filter.sort());
        preferences.apply(me.accountId(), "hazards", request, FILTER_PARAMS, model);
        model.addAttribute("optionalColumns", OPTIONAL_COLUMNS);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("order", HazardQueries.ORDER.parse(filter.sort()));
        model.addAttribute("result", PageResult.atMostLast(page, p -> queries.page(filter, me.scope(), today, p, PageResult.clampSize(size), locale)));
        model.addAttribute("today", today);
        model.addAttribute("mayReport", HazardService.mayReport(me));
        model.addAttribute("mayAssign", HazardService.Action.ASSIGN.allowedFor(me));
        model.addAttribute("mayRoute", HazardService.Action.REROUTE.allowedFor(me));
        if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
            return "hazards/list :: table";
        }
        reference(model);
        return "hazards/list";
    }

    /** The most hazards the register's map draws: the newest of the filter. */
    static final int MAP_LIMIT = 5000;

    /** The register as a map: the same filters, points coloured by grade and state, clustered when the city is seen whole. */
    @GetMapping("/hazards/map")
    String map(@ModelAttribute("filter") HazardFilter filter, Model model) {
        CurrentUsers.require();
        HazardQueries.ORDER.parse(filter.sort());
        model.addAttribute("limit", MAP_LIMIT);
        reference(model);
        return "hazards/map";
    }

    @GetMapping(value = "/hazards/map/points", produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    java.util.List<org.anquan.platform.web.MapPoint> points(@ModelAttribute HazardFilter filter, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        return queries.located(filter, me.scope(), today, MAP_LIMIT).stream()
                .map(h -> new org.anquan.platform.web.MapPoint(h.code() + " " + (h.subject() == null ? "" : h.subject())
                        + " · " + messages.get(h.status().messageKey()), h.lon(), h.lat(), colour(h), "/hazards/" + h.id()))
                .toList();
    }

    /** Closed green, rejected grey; open ones red when major, orange when general, dark red when overdue. */
    static String colour(HazardQueries.Located h) {
        if (h.status() == HazardStatus.CLOSED) {
            return "#198754";
        }
        if (h.status() == HazardStatus.REJECTED) {
            return "#6c757d";
        }
        if (h.overdue()) {
            return "#58151c";
        }
        return h.grade() == HazardGrade.MAJOR ? "#dc3545" : "#fd7e14";
    }

    @GetMapping("/hazards/new")
    String form(Model model) {
        CurrentUser me = CurrentUsers.require();
        if (!HazardService.mayReport(me)) {
            throw new AccessDeniedException("read-only");
        }
        model.addAttribute("form", HazardInput.empty());
        reference(model);
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
        reference(model);
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
        model.addAttribute("may", new Permissions(me));
        if (h.getLon() != null && h.getLat() != null) {
            model.addAttribute("location", json.writeValueAsString(java.util.List.of(new org.anquan.platform.web.MapPoint(
                    h.getCode(), h.getLon(), h.getLat(), h.getGrade() == HazardGrade.MAJOR ? "#dc3545" : "#fd7e14", null))));
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
        reference(model);
        return "hazards/detail";
    }

    /** Which action buttons the page shows; the service checks again. */
    record Permissions(CurrentUser user) {
        public boolean to(String action) {
            return HazardService.Action.valueOf(action).allowedFor(user);
        }
    }

    @PostMapping("/hazards/{id}/{action:verify|reject|assign|reroute|plan|start|submit|accept|fail}")
    String act(@PathVariable long id, @PathVariable String action, @ModelAttribute HazardActionForm form,
               BindingResult binding, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("errorKey", "error.validation");
            return "redirect:/hazards/" + id;
        }
        try {
            actions.perform(id, action, form, me);
            redirect.addFlashAttribute("noticeKey", "hazard.action.done." + action);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", "form.has.errors");
            redirect.addFlashAttribute("fieldErrors", e.fieldErrors());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errorKey", "error.conflict");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/hazards/" + id;
    }

    @PostMapping("/hazards/{id}/evidence")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "EVIDENCE") String kind, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) throws IOException {
        CurrentUser me = CurrentUsers.require();
        try {
            service.addEvidence(id, kind, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), version, me);
            redirect.addFlashAttribute("noticeKey", "evidence.uploaded");
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errorKey", "error.conflict");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/hazards/" + id;
    }

    @GetMapping("/hazards/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        return service.evidenceFile(id, evidenceId, CurrentUsers.require())
                .map(f -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(f.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.inline(f.filename()))
                        .header("X-Content-Type-Options", "nosniff")
                        .cacheControl(CacheControl.noStore())
                        .body(f.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The register's filters and order, remembered per person. */
    private static final java.util.List<String> FILTER_PARAMS = java.util.List.of("countyId", "departmentId", "status", "grade",
            "overdue", "enterpriseId", "q", "sort", "size");
    /** What a form posted from the register returns to: its filters, order and page. */
    private static final java.util.List<String> LIST_PARAMS = java.util.stream.Stream.concat(FILTER_PARAMS.stream(),
            java.util.stream.Stream.of("page")).toList();
    /** The register's columns a person may hide, with their headings. */
    private static final java.util.Map<String, String> OPTIONAL_COLUMNS = new java.util.LinkedHashMap<>();

    static {
        OPTIONAL_COLUMNS.put("subject", "hazard.subject");
        OPTIONAL_COLUMNS.put("description", "hazard.description");
        OPTIONAL_COLUMNS.put("department", "hazard.department");
        OPTIONAL_COLUMNS.put("county", "field.county");
        OPTIONAL_COLUMNS.put("deadline", "hazard.deadline");
    }

    /** The columns the person wants on the register; the others are hidden until chosen again. */
    @PostMapping("/hazards/columns")
    String columns(@RequestParam(name = "shown", required = false) java.util.List<String> shown,
                   @RequestParam(name = "chooser", required = false) String chooser,
                   @RequestParam(name = "back", defaultValue = "") String back) {
        CurrentUser me = CurrentUsers.require();
        if (chooser == null) {
            // not sent by the chooser (which always names itself): no boxes at all would hide every column
            throw new InvalidInputException(java.util.Map.of("shown", "columns.not.chosen"));
        }
        var hidden = new java.util.ArrayList<>(OPTIONAL_COLUMNS.keySet());
        if (shown != null) {
            hidden.removeAll(shown);
        }
        preferences.hideColumns(me.accountId(), "hazards", hidden, OPTIONAL_COLUMNS.keySet());
        return "redirect:" + org.anquan.platform.web.ListUrls.returnTo("/hazards", back, LIST_PARAMS);
    }

    /**
     * A bulk action over the hazards chosen on the register (assign, reroute): all or none, then back
     * to the list as the user left it, with what happened in words.
     */
    @PostMapping("/hazards/bulk/{action:assign|reroute}")
    String bulk(@PathVariable String action, @RequestParam(name = "selected", required = false) java.util.List<String> selected,
                @ModelAttribute HazardActionForm form, @RequestParam(name = "back", defaultValue = "") String back,
                RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        try {
            int n = actions.bulk(action, selected, form, me);
            redirect.addFlashAttribute("bulkNotice", messages.get("bulk.done." + action, n));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bulkError", messages.get(e.fieldErrors().values().iterator().next()));
        } catch (BusinessException e) {
            redirect.addFlashAttribute("bulkError", messages.of(e));
        }
        return "redirect:" + org.anquan.platform.web.ListUrls.returnTo("/hazards", back, LIST_PARAMS);
    }

    /** The hazards chosen on the register as the ledger; a selection partly outside the scope is refused as a whole. */
    @GetMapping(value = "/hazards/ledger.xlsx", params = "selected")
    void selectionLedger(@RequestParam("selected") java.util.List<String> selected, HttpServletResponse response, Locale locale)
            throws IOException {
        CurrentUser me = CurrentUsers.require();
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String s : selected) {
            try {
                ids.add(Long.parseLong(s.split(":", 2)[0].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException(java.util.Map.of("selected", "bulk.selection.unreadable"));
            }
        }
        if (ids.isEmpty() || ids.size() > org.anquan.hazards.domain.HazardService.MAX_SELECTED) {
            throw new InvalidInputException(java.util.Map.of("selected", ids.isEmpty() ? "bulk.none" : "bulk.too.many"));
        }
        int outside = ids.size() - queries.countInScope(ids, me.scope(), org.anquan.directory.ScopeFilter.Mode.READ);
        if (outside > 0) {
            throw new BusinessException("bulk.outside.scope", outside, ids.size());
        }
        String unit = directory.unitName(me.scope(), locale).orElseGet(() -> messages.get("notice.supervision.office"));
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.selection", ids.size());
        ledger.writeSelection(ids, me.scope(), unit, locale, response.getOutputStream());
    }

    /** 问题隐患清单: the filtered register for a period as the printed ledger, stock and increment. */
    @GetMapping("/hazards/ledger.xlsx")
    void ledger(@ModelAttribute HazardFilter filter,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response, Locale locale, jakarta.servlet.http.HttpServletRequest request) throws IOException {
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
                    (progress, out) -> ledger.write(filter, me.scope(), unit, f, t, locale, out, progress::rows));
            response.sendRedirect(request.getContextPath() + "/jobs/" + id);
            return;
        }
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.ledger", f, t);
        ledger.write(filter, me.scope(), unit, f, t, locale, response.getOutputStream());
    }

    /** 整改通知书 for the enterprise or place, as Word. */
    @GetMapping("/hazards/{id}/notice.docx")
    void notice(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        Hazard h = service.get(id, CurrentUsers.require());
        if (h.getDeadline() == null) {
            throw new BusinessException("notice.no.deadline");
        }
        String unit = h.getEnterpriseId() == null ? h.getPlace()
                : directory.enterprise(h.getEnterpriseId()).map(Directory.EnterpriseRef::name).orElse("");
        String office = directory.department(h.getDepartmentId()).map(d -> d.name(locale)).orElse("");
        var doc = new org.anquan.platform.documents.OfficialDocument(messages.get("notice.rectification.title"),
                messages.get("notice.number", h.getCode()))
                .to(unit)
                .paragraph(messages.get("notice.rectification.found", h.getDescription()))
                .paragraph(messages.get("notice.rectification.requirement",
                        java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(h.getDeadline())))
                .paragraph(messages.get(h.getGrade() == HazardGrade.MAJOR ? "notice.rectification.major" : "notice.rectification.general"))
                .signedBy(office, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.now(clock)));
        downloads.attach(response, Downloads.DOCX, ".docx", "download.rectification", h.getCode());
        doc.write(response.getOutputStream());
    }

    private void reference(Model model) {
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyMap", directory.cityMap());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("industries", directory.industries());
        model.addAttribute("statuses", HazardStatus.values());
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("sources", HazardSource.values());
        model.addAttribute("categories", jdbc.sql("SELECT code, industry_code, name_zh, name_en, major FROM hazard_category ORDER BY industry_code, code")
                .query().listOfRows());
    }
}
