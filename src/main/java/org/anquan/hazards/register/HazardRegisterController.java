package org.anquan.hazards.register;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.anquan.directory.Directory;
import org.anquan.directory.ScopeFilter;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.ListPreferences;
import org.anquan.platform.web.ListUrls;
import org.anquan.platform.web.MapPoint;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.PageResult;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register as people work it: filtered, sorted and paged (remembered per person), its columns
 * chosen, its rows chosen for a bulk action or an export, and the same filter as a map.
 */
@Controller
class HazardRegisterController {

    private final HazardQueries queries;
    private final HazardService service;
    private final HazardActions actions;
    private final HazardLedger ledger;
    private final HazardPageData pageData;
    private final ListPreferences preferences;
    private final Directory directory;
    private final Messages messages;
    private final Downloads downloads;
    private final Clock clock;

    HazardRegisterController(HazardQueries queries, HazardService service, HazardActions actions, HazardLedger ledger, HazardPageData pageData,
                             ListPreferences preferences, Directory directory, Messages messages, Downloads downloads, Clock clock) {
        this.queries = queries;
        this.service = service;
        this.actions = actions;
        this.ledger = ledger;
        this.pageData = pageData;
        this.preferences = preferences;
        this.directory = directory;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
    }

    @GetMapping("/hazards")
    String list(@ModelAttribute("filter") HazardFilter filter, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer size, HtmxRequest htmx, Model model, Locale locale,
                HttpServletRequest request) {
        CurrentUser me = CurrentUsers.require();
        // a column not offered is refused before anything is remembered
        model.addAttribute("order", HazardQueries.ORDER.parse(filter.sort()));
        preferences.apply(me.accountId(), "hazards", request, FILTER_PARAMS, model);
        model.addAttribute("optionalColumns", OPTIONAL_COLUMNS);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("result", PageResult.atMostLast(page, p -> queries.page(filter, me.scope(), today, p, PageResult.clampSize(size), locale)));
        model.addAttribute("today", today);
        model.addAttribute("mayReport", HazardService.mayReport(me));
        model.addAttribute("mayAssign", HazardService.Action.ASSIGN.allowedFor(me));
        model.addAttribute("mayRoute", HazardService.Action.REROUTE.allowedFor(me));
        if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
            return "hazards/list :: table";
        }
        pageData.addTo(model);
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
        pageData.addWithMapTo(model);
        return "hazards/map";
    }

    @GetMapping(value = "/hazards/map/points", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<MapPoint> points(@ModelAttribute HazardFilter filter) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        return queries.located(filter, me.scope(), today, MAP_LIMIT).stream()
                .map(h -> new MapPoint(h.code() + " " + (h.subject() == null ? "" : h.subject())
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

    /** The register's filters and order, remembered per person. */
    private static final List<String> FILTER_PARAMS = List.of("countyId", "departmentId", "status", "grade",
            "overdue", "enterpriseId", "q", "sort", "size");
    /** What a form posted from the register returns to: its filters, order and page. */
    private static final List<String> LIST_PARAMS = Stream.concat(FILTER_PARAMS.stream(),
            Stream.of("page")).toList();
    /** The register's columns a person may hide, with their headings. */
    private static final Map<String, String> OPTIONAL_COLUMNS = new LinkedHashMap<>();

    static {
        OPTIONAL_COLUMNS.put("subject", "hazard.subject");
        OPTIONAL_COLUMNS.put("description", "hazard.description");
        OPTIONAL_COLUMNS.put("department", "hazard.department");
        OPTIONAL_COLUMNS.put("county", "field.county");
        OPTIONAL_COLUMNS.put("deadline", "hazard.deadline");
    }

    /** The columns the person wants on the register; the others are hidden until chosen again. */
    @PostMapping("/hazards/columns")
    String columns(@RequestParam(name = "shown", required = false) List<String> shown,
                   @RequestParam(name = "chooser", required = false) String chooser,
                   @RequestParam(name = "back", defaultValue = "") String back) {
        preferences.chooseColumns(CurrentUsers.require().accountId(), "hazards", chooser, shown, OPTIONAL_COLUMNS.keySet());
        return "redirect:" + ListUrls.returnTo("/hazards", back, LIST_PARAMS);
    }

    /**
     * A bulk action over the hazards chosen on the register (assign, reroute): all or none, then back
     * to the list as the user left it, with what happened in words.
     */
    @PostMapping("/hazards/bulk/{action:assign|reroute}")
    String bulk(@PathVariable String action, @RequestParam(name = "selected", required = false) List<String> selected,
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
        return "redirect:" + ListUrls.returnTo("/hazards", back, LIST_PARAMS);
    }

    /** The hazards chosen on the register as the ledger; a selection partly outside the scope is refused as a whole. */
    @GetMapping(value = "/hazards/ledger.xlsx", params = "selected")
    void selectionLedger(@RequestParam("selected") List<String> selected, HttpServletResponse response, Locale locale)
            throws IOException {
        CurrentUser me = CurrentUsers.require();
        List<Long> ids = service.selection(HazardService.parseSelection(selected), me.scope(),
                ScopeFilter.Mode.READ, (outside, of) -> { }).stream().map(HazardService.Selected::id).toList();
        String unit = directory.unitName(me.scope(), locale).orElseGet(() -> messages.get("notice.supervision.office"));
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.selection", ids.size());
        ledger.writeSelection(ids, me.scope(), unit, locale, response.getOutputStream());
    }

}
