package org.anquan.citizen.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.citizen.reports.Categories;
import org.anquan.citizen.reports.CitizenNames;
import org.anquan.citizen.reports.CitizenProperties;
import org.anquan.citizen.reports.CitizenQueries;
import org.anquan.citizen.reports.Intake;
import org.anquan.platform.security.LoginRateLimiter;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): discovery, services and their
 * definitions, POST and GET requests, a request by id and a token, each in {@code .json} and
 * {@code .xml}. A POST needs an api_key issued to the client application; an {@code Idempotency-Key}
 * header (or {@code idempotency_key} parameter) makes a repeated POST the same report. The
 * service_request_id is the citizen's tracking code. Nothing personal leaves: no name, phone, e-mail,
 * officer or internal note; a tip shows neither description nor place and is not listed.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
    private static final String FORMAT = "{format:[a-z0-9]+}";

    private final Categories categories;
    private final CitizenQueries queries;
    private final Intake intake;
    private final Open311Clients clients;
    private final CitizenProperties props;
    private final LoginRateLimiter limiter;
    private final CitizenNames names;
    private final Messages messages;
    private final JsonMapper json;
    private final Clock clock;

    Open311Controller(Categories categories, CitizenQueries queries, Intake intake, Open311Clients clients, CitizenProperties props,
                      LoginRateLimiter limiter, CitizenNames names, Messages messages, JsonMapper json, Clock clock) {
        this.categories = categories;
        this.queries = queries;
        this.intake = intake;
        this.clients = clients;
        this.props = props;
        this.limiter = limiter;
        this.names = names;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** A refusal in the spec's form: HTTP status and the descriptions, in the format asked (XML when the format is unknown). */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final List<String> descriptions;
        final Long retryAfter;

        Refused(HttpStatus status, List<String> descriptions, Long retryAfter) {
            super(status + " " + descriptions, null, false, false);
            this.status = status;
            this.descriptions = descriptions;
            this.retryAfter = retryAfter;
        }
    }

    private Refused refused(HttpStatus status, String key, Object... args) {
        return new Refused(status, List.of(messages.get(key, args)), null);
    }

    private Open311Body.Format format(String extension) {
        Open311Body.Format f = Open311Body.Format.of(extension);
        if (f == null) {
            throw refused(HttpStatus.BAD_REQUEST, "open311.format.unknown");
        }
        return f;
    }

    private ResponseEntity<String> ok(Open311Body.Format f, String root, Object body) {
        return Open311Body.write(json, f, HttpStatus.OK, root, body);
    }

    /** Reading is open, but not unbounded: each address may make the configured requests per minute. */
    private void throttle(HttpServletRequest request, String key) {
        if (!limiter.tryAcquire(key, props.open311PerMinute())) {
            long wait = limiter.secondsUntilNextWindow();
            throw new Refused(HttpStatus.TOO_MANY_REQUESTS, List.of(messages.get("citizen.flood", wait)), wait);
        }
    }

    @GetMapping("/discovery." + FORMAT)
    ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        String changeset = datetime(LocalDate.of(2026, 11, 29).atStartOfDay(clock.getZone()).toOffsetDateTime());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2").toUriString();
        return ok(f, "discovery", Open311Body.object(
                "changeset", changeset,
                "contact", messages.get("open311.contact"),
                "key_service", messages.get("open311.key.service"),
                "endpoints", new Open311Body.Items("endpoint", List.of(Open311Body.object(
                        "specification", SPEC, "url", base, "changeset", changeset, "type", "production",
                        "formats", new Open311Body.Items("format", List.of("text/xml", "application/json")))))));
    }

    @GetMapping("/services." + FORMAT)
    ResponseEntity<String> services(@PathVariable String format, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        Locale locale = LocaleContextHolder.getLocale();
        List<Object> list = new ArrayList<>();
        for (Categories.Category c : categories.all()) {
            list.add(Open311Body.object("service_code", c.code(), "service_name", c.name(locale), "description", c.description(locale),
                    "metadata", !c.attributes().isEmpty(), "type", "realtime", "keywords", c.keywords(),
                    "group", messages.get(c.groupKey())));
        }
        return ok(f, "services", new Open311Body.Items("service", list));
    }

    @GetMapping("/services/{code:[A-Za-z0-9_]+}." + FORMAT)
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        Categories.Category c = categories.find(code).orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "open311.service.unknown", code));
        Locale locale = LocaleContextHolder.getLocale();
        List<Object> attributes = new ArrayList<>();
        for (Categories.Attribute a : c.attributes()) {
            List<Object> values = a.values().stream().map(v -> (Object) Open311Body.object("key", v.key(), "name", v.name(locale))).toList();
            attributes.add(Open311Body.object("variable", true, "code", a.code(), "datatype", a.datatype(), "required", a.required(),
                    "datatype_description", "", "order", a.order(), "description", a.description(locale),
                    "values", values.isEmpty() ? null : new Open311Body.Items("value", values)));
        }
        return ok(f, "service_definition", Open311Body.object("service_code", c.code(),
                "attributes", new Open311Body.Items("attribute", attributes)));
    }

    @PostMapping("/requests." + FORMAT)
    ResponseEntity<String> post(@PathVariable String format, @RequestParam Map<String, String> params, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        Open311Clients.Client client = clients.authenticate(params.get("api_key"))
                .orElseThrow(() -> refused(HttpStatus.FORBIDDEN, "open311.key.refused"));
        throttle(request, "open311:key:" + client.id());
        if (categories.find(params.get("service_code")).isEmpty()) {
            throw refused(HttpStatus.BAD_REQUEST, "open311.service.unknown", String.valueOf(params.get("service_code")));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("attribute[") && k.endsWith("]") && k.length() < 60) {
                attributes.put(k.substring(10, k.length() - 1), v);
            }
        });
        String name = join(params.get("first_name"), params.get("last_name"));
        String key = request.getHeader("Idempotency-Key") != null ? request.getHeader("Idempotency-Key") : params.get("idempotency_key");
        Intake.Submitted done = intake.submit(new Intake.Submission(params.get("service_code"), params.get("description"),
                params.get("address_string"), number(params.get("long"), "long"), number(params.get("lat"), "lat"), null, name,
                params.get("phone"), params.get("email"), attributes, List.of(), Intake.Source.OPEN311, client.id(), key,
                request.getRemoteAddr()), "open311:" + client.name());
        var body = new Open311Body.Items("request", List.of(Open311Body.object("service_request_id", done.trackingCode(),
                "token", done.token(), "service_notice", messages.get("open311.notice"))));
        ResponseEntity<String> answer = ok(f, "service_requests", body);
        return done.repeated() ? ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header("Idempotent-Replayed", "true").body(answer.getBody()) : answer;
    }

    @GetMapping("/requests." + FORMAT)
    ResponseEntity<String> requests(@PathVariable String format, @RequestParam(name = "service_request_id", required = false) String ids,
                                    @RequestParam(name = "service_code", required = false) String codes,
                                    @RequestParam(name = "start_date", required = false) String start,
                                    @RequestParam(name = "end_date", required = false) String end,
                                    @RequestParam(required = false) String status, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        if (ids != null && !ids.isBlank()) {
            return ok(f, "service_requests", requestItems(queries.open311ByCodes(Arrays.asList(ids.split(",")))));
        }
        List<String> services = new ArrayList<>();
        if (codes != null && !codes.isBlank()) {
            for (String c : codes.split(",")) {
                String code = c.strip();
                if (categories.find(code).isEmpty()) {
                    throw refused(HttpStatus.BAD_REQUEST, "open311.service.unknown", code);
                }
                services.add(code);
            }
        }
        Boolean closed = null;
        if (status != null && !status.isBlank()) {
            List<String> asked = Arrays.stream(status.split(",")).map(String::strip).distinct().toList();
            if (!asked.stream().allMatch(s -> s.equals("open") || s.equals("closed"))) {
                throw refused(HttpStatus.BAD_REQUEST, "open311.status.unknown");
            }
            closed = asked.size() == 2 ? null : asked.get(0).equals("closed");
        }
        OffsetDateTime from = date(start, "start_date");
        OffsetDateTime to = date(end, "end_date");
        long maxDays = props.open311MaxDays();
        if (from == null && to == null) {
            to = OffsetDateTime.now(clock);
            from = to.minusDays(maxDays);
        } else if (from == null) {
            from = to.minusDays(maxDays);
        } else if (to == null) {
            to = from.plusDays(maxDays);
        }
        if (to.isBefore(from)) {
            throw refused(HttpStatus.BAD_REQUEST, "open311.dates.order");
        }
        if (ChronoUnit.SECONDS.between(from, to) > maxDays * 86_400) {
            throw refused(HttpStatus.BAD_REQUEST, "open311.dates.window", maxDays);
        }
        return ok(f, "service_requests", requestItems(queries.open311(services, from, to, closed, props.open311MaxResults())));
    }

    @GetMapping("/requests/{id:[A-Za-z0-9-]+}." + FORMAT)
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        List<CitizenQueries.PublicReport> found = queries.open311ByCodes(List.of(id));
        if (found.isEmpty()) {
            throw refused(HttpStatus.NOT_FOUND, "open311.request.unknown", id);
        }
        return ok(f, "service_requests", requestItems(found));
    }

    @GetMapping("/tokens/{token:[A-Za-z0-9-]+}." + FORMAT)
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format, HttpServletRequest request) {
        Open311Body.Format f = format(format);
        throttle(request, "open311:" + request.getRemoteAddr());
        String code = queries.codeOfToken(token).orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "open311.token.unknown", token));
        return ok(f, "service_requests", new Open311Body.Items("request",
                List.of(Open311Body.object("service_request_id", code, "token", token))));
    }

    private Open311Body.Items requestItems(List<CitizenQueries.PublicReport> reports) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> notes = queries.latestPublicReplies(reports.stream().map(CitizenQueries.PublicReport::id).toList());
        String photoBase = ServletUriComponentsBuilder.fromCurrentContextPath().path("/reports/photos/").toUriString();
        List<Object> items = new ArrayList<>(reports.size());
        for (CitizenQueries.PublicReport r : reports) {
            String note = notes.getOrDefault(r.id(), messages.get(r.stage().messageKey()));
            items.add(Open311Body.object(
                    "service_request_id", r.code(),
                    "status", r.stage().open311(),
                    "status_notes", note,
                    "service_name", categories.find(r.categoryCode()).map(c -> c.name(locale)).orElse(r.categoryCode()),
                    "service_code", r.categoryCode(),
                    "description", r.description(),
                    "agency_responsible", names.agency(r.departmentId(), r.countyId()),
                    "requested_datetime", datetime(r.submittedAt()),
                    "updated_datetime", datetime(r.updatedAt()),
                    "address", r.address(),
                    "lat", sixDecimals(r.lat()),
                    "long", sixDecimals(r.lon()),
                    "media_url", r.photoIds().isEmpty() ? null : photoBase + r.photoIds().get(0)));
        }
        return new Open311Body.Items("request", items);
    }

    /** Six decimals (about a decimetre), as every coordinate is shown. */
    private static Double sixDecimals(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 1e6) / 1e6;
    }

    /** W3C date-time in the city's offset, to the second (2026-11-28T14:05:00+08:00). */
    private String datetime(OffsetDateTime t) {
        return t.atZoneSameInstant(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A W3C date-time with its offset, or a date (the start of that day in the city). */
    private OffsetDateTime date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(clock.getZone()).toOffsetDateTime();
            } catch (DateTimeParseException again) {
                throw refused(HttpStatus.BAD_REQUEST, "open311.date.invalid", field);
            }
        }
    }

    private Double number(String text, String field) {
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
            throw refused(HttpStatus.BAD_REQUEST, "open311.number.invalid", field);
        }
    }

    private static String join(String first, String last) {
        String a = first == null ? "" : first.strip();
        String b = last == null ? "" : last.strip();
        String n = (b + a).isEmpty() ? null : (a + " " + b).strip();
        return n;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused e, HttpServletRequest request) {
        ResponseEntity<String> body = Open311Body.errors(json, formatOf(request), e.status, e.descriptions);
        if (e.retryAfter == null) {
            return body;
        }
        return ResponseEntity.status(body.getStatusCode()).headers(body.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter)).body(body.getBody());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> invalid(InvalidInputException e, HttpServletRequest request) {
        List<String> descriptions = new ArrayList<>();
        e.fieldErrors().forEach((field, key) -> descriptions.add(open311Field(field) + ": " + messages.get(key)));
        return Open311Body.errors(json, formatOf(request), HttpStatus.BAD_REQUEST, descriptions);
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<String> business(BusinessException e, HttpServletRequest request) {
        return Open311Body.errors(json, formatOf(request), HttpStatus.BAD_REQUEST, List.of(messages.of(e)));
    }

    /** The Open311 name of a field the intake names its own way. */
    private static String open311Field(String field) {
        return switch (field) {
            case "categoryCode" -> "service_code";
            case "lon" -> "long";
            case "address" -> "address_string";
            case "name" -> "first_name";
            default -> field;
        };
    }

    private static Open311Body.Format formatOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.endsWith(".json") ? Open311Body.Format.JSON : Open311Body.Format.XML;
    }
}
