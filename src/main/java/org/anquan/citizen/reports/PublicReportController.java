package org.anquan.citizen.reports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.security.LoginRateLimiter;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's pages, without an account and phone first: the report form (which works without
 * JavaScript: the county and an address stand in for the map), the status page by tracking code, and
 * the public list and map of moderated reports.
 */
@Controller
class PublicReportController {

    private final Intake intake;
    private final CitizenQueries queries;
    private final Categories categories;
    private final Directory directory;
    private final CitizenProperties props;
    private final LoginRateLimiter limiter;
    private final Messages messages;
    private final CitizenNames names;

    PublicReportController(Intake intake, CitizenQueries queries, Categories categories, Directory directory, CitizenProperties props,
                           LoginRateLimiter limiter, Messages messages, CitizenNames names) {
        this.intake = intake;
        this.queries = queries;
        this.categories = categories;
        this.directory = directory;
        this.props = props;
        this.limiter = limiter;
        this.messages = messages;
        this.names = names;
    }

    /** What the form shows again after a refusal: the values as typed. */
    record ReportForm(String categoryCode, String description, String address, String lon, String lat, String countyId, String name,
                      String phone, Map<String, String> attributes) {
        static ReportForm empty(String category) {
            return new ReportForm(category, null, null, null, null, null, null, null, Map.of());
        }
    }

    @GetMapping("/report")
    String form(@RequestParam(required = false) String category, Model model) {
        return form(model, ReportForm.empty(category), Map.of());
    }

    private String form(Model model, ReportForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", categories.all());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("cityMap", directory.cityMap());
        model.addAttribute("maxPhotos", props.maxPhotos());
        // the question a tip asks (is it going on now?), the same for every tip category
        model.addAttribute("ongoing", categories.all().stream().flatMap(c -> c.attributes().stream())
                .filter(a -> "ongoing".equals(a.code())).findFirst().orElse(null));
        return "citizen/report";
    }

    @PostMapping("/report")
    String submit(@RequestParam Map<String, String> params, @RequestParam(name = "photos", required = false) List<MultipartFile> files,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("attribute[") && k.endsWith("]") && k.length() < 60) {
                attributes.put(k.substring(10, k.length() - 1), v);
            }
        });
        ReportForm form = new ReportForm(params.get("categoryCode"), params.get("description"), params.get("address"), params.get("lon"),
                params.get("lat"), params.get("countyId"), params.get("name"), params.get("phone"), attributes);
        if (!limiter.tryAcquire("report:" + request.getRemoteAddr(), props.webPerMinute())) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(limiter.secondsUntilNextWindow()));
            return form(model, form, Map.of("_", messages.get("citizen.flood", limiter.secondsUntilNextWindow())));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Double lon = number(form.lon(), "lon", errors);
        Double lat = number(form.lat(), "lat", errors);
        Long county = null;
        if (form.countyId() != null && !form.countyId().isBlank()) {
            try {
                county = Long.valueOf(form.countyId().strip());
            } catch (NumberFormatException e) {
                errors.put("countyId", messages.get("citizen.county.unknown"));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return form(model, form, errors);
        }
        List<Intake.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                if (!f.isEmpty()) {
                    uploads.add(new Intake.Upload(f.getOriginalFilename(), f.getBytes()));
                }
            }
        }
        try {
            var done = intake.submit(new Intake.Submission(form.categoryCode(), form.description(), form.address(), lon, lat, county,
                    form.name(), form.phone(), null, attributes, uploads, Intake.Source.WEB, null, null, request.getRemoteAddr()), "citizen");
            redirect.addFlashAttribute("submitted", done.trackingCode());
            return "redirect:/report/submitted";
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach((field, key) -> errors.put(field, messages.get(key)));
        } catch (BusinessException e) {
            errors.put("photos", messages.of(e));
        }
        response.setStatus(400);
        return form(model, form, errors);
    }

    private Double number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("citizen.location.invalid"));
            return null;
        }
    }

    /** The confirmation after a submission: the tracking code, once (a reload shows the form to follow a report). */
    @GetMapping("/report/submitted")
    String submitted(Model model) {
        if (!model.containsAttribute("submitted")) {
            return "redirect:/report/track";
        }
        return "citizen/submitted";
    }

    @GetMapping("/report/track")
    String track(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            String normal = TrackingCodes.normalise(code);
            return "redirect:/report/" + (normal == null ? "-" : normal);
        }
        return "citizen/track";
    }

    /** The public progress of a report: a code that does not exist and one not public yet get the same 404. */
    @GetMapping("/report/{code}")
    String status(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (flooded(request, response, model)) {
            return "citizen/flooded";
        }
        var report = queries.byCode(code);
        if (report.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("code", code.length() > 20 ? code.substring(0, 20) : code);
            return "citizen/not-found";
        }
        model.addAttribute("r", report.get());
        model.addAttribute("replies", queries.publicReplies(report.get().id()));
        model.addAttribute("citizenNames", names);
        return "citizen/status";
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) String category, @RequestParam(required = false) Long county,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "1") int page, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        if (flooded(request, response, model)) {
            return "citizen/flooded";
        }
        String cat = categories.find(category).map(Categories.Category::code).orElse(null);
        Long c = county != null && directory.counties().stream().anyMatch(x -> x.id() == county) ? county : null;
        Boolean closed = "closed".equals(status) ? Boolean.TRUE : "open".equals(status) ? Boolean.FALSE : null;
        var filter = new CitizenQueries.PublicFilter(cat, c, closed);
        PageResult<CitizenQueries.PublicReport> result = queries.publicList(filter, Math.max(1, Math.min(page, 10_000)), 20);
        model.addAttribute("result", result);
        model.addAttribute("category", cat);
        model.addAttribute("county", c);
        model.addAttribute("status", closed == null ? null : status);
        model.addAttribute("categories", categories.all().stream().filter(x -> !x.tip()).toList());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("cityMap", directory.cityMap());
        model.addAttribute("points", names.points(queries.publicPoints(filter, 500)));
        model.addAttribute("citizenNames", names);
        return "citizen/reports";
    }

    /** Reading is open, but not unbounded: past the limit an address waits for the next minute (429, Retry-After). */
    private boolean flooded(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (limiter.tryAcquire("lookup:" + request.getRemoteAddr(), props.lookupsPerMinute())) {
            return false;
        }
        long wait = limiter.secondsUntilNextWindow();
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        model.addAttribute("wait", wait);
        return true;
    }

    /** A photo of a moderated report that is not a tip; anything else is 404. */
    @GetMapping("/reports/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        var p = queries.publicPhoto(id).orElseThrow(() -> new NotFoundException("photo", id));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff").body(p.content());
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
