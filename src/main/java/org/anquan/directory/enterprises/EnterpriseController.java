package org.anquan.directory.enterprises;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.directory.common.ReferenceData;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.ListPreferences;
import org.anquan.platform.web.ListUrls;
import org.anquan.platform.web.MapPoint;
import org.anquan.shared.PageResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

@Controller
class EnterpriseController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Enterprises enterprises;
    private final EnterpriseQueries queries;
    private final ReferenceData reference;
    private final Regions regions;
    private final ResponsibilityMatrix matrix;

    private final Directory directory;
    private final JsonMapper json;
    private final ListPreferences preferences;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseController(Enterprises enterprises, EnterpriseQueries queries, ReferenceData reference, Regions regions,
                         ResponsibilityMatrix matrix, Directory directory, JsonMapper json, ListPreferences preferences, AuditTrail audit,
                         Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.enterprises = enterprises;
        this.queries = queries;
        this.reference = reference;
        this.regions = regions;
        this.matrix = matrix;
        this.directory = directory;
        this.json = json;
        this.preferences = preferences;
    }

    /** The list's filters and order, remembered per person. */
    private static final List<String> FILTER_PARAMS = List.of("regionId", "industry", "status", "q", "sort", "size");
    /** What a form posted from the list returns to. */
    private static final List<String> LIST_PARAMS = List.of("regionId", "industry", "status", "q", "sort", "size", "page");
    /** The list's columns a person may hide, with their headings. */
    private static final Map<String, String> OPTIONAL_COLUMNS = new LinkedHashMap<>();

    static {
        OPTIONAL_COLUMNS.put("creditCode", "field.creditCode");
        OPTIONAL_COLUMNS.put("industry", "field.industryCode");
        OPTIONAL_COLUMNS.put("county", "field.county");
        OPTIONAL_COLUMNS.put("region", "field.regionId");
        OPTIONAL_COLUMNS.put("status", "field.status");
        OPTIONAL_COLUMNS.put("safetyManager", "field.safetyManagerName");
        OPTIONAL_COLUMNS.put("updated", "field.updatedAt");
    }

    @GetMapping("/enterprises")
    String list(@ModelAttribute("filter") EnterpriseFilter filter, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer size, HtmxRequest htmx, Model model, Locale locale,
                HttpServletRequest request) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("order", filter.order());
        preferences.apply(me.accountId(), "enterprises", request, FILTER_PARAMS, model);
        model.addAttribute("optionalColumns", OPTIONAL_COLUMNS);
        PageResult<?> result = PageResult.atMostLast(page, p -> queries.page(filter, me.scope(), p, PageResult.clampSize(size), locale));
        model.addAttribute("result", result);
        model.addAttribute("mayEdit", enterprises.mayEdit(me));
        if (htmx.isHtmxRequest() && !htmx.isBoosted()) {
            return "directory/enterprises :: table";
        }
        reference.addTo(model, me);
        return "directory/enterprises";
    }

    /** The columns the person wants on the list; the others are hidden until chosen again. */
    @PostMapping("/enterprises/columns")
    String columns(@RequestParam(name = "shown", required = false) List<String> shown,
                   @RequestParam(name = "chooser", required = false) String chooser,
                   @RequestParam(name = "back", defaultValue = "") String back) {
        preferences.chooseColumns(CurrentUsers.require().accountId(), "enterprises", chooser, shown, OPTIONAL_COLUMNS.keySet());
        return "redirect:" + ListUrls.returnTo("/enterprises", back, LIST_PARAMS);
    }

    @GetMapping("/enterprises/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        Enterprise e = enterprises.get(id, me);
        model.addAttribute("e", e);
        model.addAttribute("region", regions.get(e.getRegionId()));
        model.addAttribute("county", regions.countyOf(e.getRegionId()).orElse(null));
        model.addAttribute("industry", matrix.industry(e.getIndustryCode()).orElseThrow());
        var resp = matrix.lookup(e.getIndustryCode());
        model.addAttribute("lead", resp.leadDepartmentId() == null ? null : matrix.department(resp.leadDepartmentId()).orElse(null));
        model.addAttribute("co", resp.coDepartmentIds().stream().map(d -> matrix.department(d).orElse(null)).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("history", audit.historyOf("enterprise", id));
        model.addAttribute("mayEdit", enterprises.mayEdit(me));
        if (e.getLon() != null && e.getLat() != null) {
            model.addAttribute("cityMap", directory.cityMap());
            model.addAttribute("location", json.writeValueAsString(List.of(
                    new MapPoint(e.getName(), e.getLon(), e.getLat(), "#dc3545", null))));
        }
        return "directory/enterprise";
    }

    @GetMapping("/enterprises/new")
    String createForm(Model model) {
        CurrentUser me = editor(enterprises);
        model.addAttribute("form", EnterpriseInput.empty());
        reference.addTo(model, me);
        return "directory/enterprise-form";
    }

    @PostMapping("/enterprises")
    String create(@ModelAttribute("form") EnterpriseInput form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = editor(enterprises);
        return Actions.page(binding, response, () -> {
            Enterprises.Saved saved = enterprises.create(form, me);
            redirect.addFlashAttribute("noticeKey", "saved");
            redirect.addFlashAttribute("warningKeys", saved.warningKeys());
            return "/enterprises/" + saved.id();
        }, () -> formAgain(model, me));
    }

    @GetMapping("/enterprises/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        CurrentUser me = editor(enterprises);
        model.addAttribute("form", EnterpriseInput.of(enterprises.get(id, me)));
        model.addAttribute("id", id);
        reference.addTo(model, me);
        return "directory/enterprise-form";
    }

    @PostMapping("/enterprises/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EnterpriseInput form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = editor(enterprises);
        model.addAttribute("id", id);
        return Actions.page(binding, response, () -> {
            Enterprises.Saved saved = enterprises.update(id, form, me);
            redirect.addFlashAttribute("noticeKey", "saved");
            redirect.addFlashAttribute("warningKeys", saved.warningKeys());
            return "/enterprises/" + id;
        }, () -> formAgain(model, me));
    }

    private String formAgain(Model model, CurrentUser me) {
        reference.addTo(model, me);
        return "directory/enterprise-form";
    }

    /** The acting user, who must be one that registers and edits enterprises. */
    static CurrentUser editor(Enterprises enterprises) {
        CurrentUser me = CurrentUsers.require();
        if (!enterprises.mayEdit(me)) {
            throw new AccessDeniedException("read-only");
        }
        return me;
    }
}
