package org.anquan.traffic.wim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.LoginRateLimiter;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.PublicPaths;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Weigh-in-motion stations, readings and 一超四究 cases in the JSON API. Readings come with a station's own
 * token ({@code Authorization: Bearer wim_...}: that station's readings only) or an account's token holding
 * {@code TRAFFIC_INTAKE} (any station, named in each reading); never with a browser session.
 */
@RestController
@RequestMapping("/api/v1/traffic")
@Tag(name = "traffic", description = "Weigh-in-motion stations and readings, over-limit judgments and the 一超四究 cases")
class TrafficApi {

    static final int MAX_BATCH = 10_000;
    /** Requests with a wrong station token a client address may make per minute. */
    static final int BAD_TOKENS_PER_MINUTE = 20;

    private final Stations stations;
    private final Readings readings;
    private final Cases cases;
    private final LoginRateLimiter limiter;
    private final Messages messages;

    TrafficApi(Stations stations, Readings readings, Cases cases, LoginRateLimiter limiter, Messages messages) {
        this.stations = stations;
        this.readings = readings;
        this.cases = cases;
        this.limiter = limiter;
        this.messages = messages;
    }

    /** The readings endpoint authenticates each call itself, with a station's token or an account's. */
    @Component
    static class Paths implements PublicPaths {
        @Override
        public List<String> open() {
            return List.of("/api/v1/traffic/readings");
        }

        @Override
        public List<String> withoutSession() {
            return open();
        }
    }

    record StationBody(String code, String name, String road, String stake, String direction, Double lat, Double lon, Long countyId,
                       String operator) {
    }

    /** The station registered, with its intake token: shown this once. */
    record StationCreated(Stations.Station station, String token) {
    }

    @PostMapping("/stations")
    @RequiresPermission(Permission.TRAFFIC_INTAKE)
    @Operation(summary = "Register a weigh-in-motion station (its point must lie in its county); answers with its intake token, shown once")
    ResponseEntity<StationCreated> station(@RequestBody StationBody b) {
        var issued = stations.register(new Stations.StationInput(b.code(), b.name(), b.road(), b.stake(), b.direction(), b.lat(), b.lon(),
                b.countyId(), b.operator()), CurrentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/traffic/stations/" + issued.station().code()))
                .body(new StationCreated(issued.station(), issued.token()));
    }

    @PostMapping(path = "/readings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send readings (a JSON array, at most 10,000): each is answered in order with ACCEPTED and its judgment "
            + "(overLimit, limitKg, overloadKg, overloadRate, oversize, rule), DUPLICATE with the judgment stored the first time, "
            + "or REJECTED with its reasons; the rejected change nothing")
    ResponseEntity<?> readings(@RequestBody List<Map<String, Object>> body, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (body.size() > MAX_BATCH) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "traffic.batch.too.large", MAX_BATCH);
        }
        if (token != null && token.startsWith(Stations.TOKEN_PREFIX)) {
            String key = "wim:" + request.getRemoteAddr();
            var station = stations.authenticate(token);
            if (station.isEmpty()) {
                if (!limiter.tryAcquire(key, BAD_TOKENS_PER_MINUTE)) {
                    return problem(HttpStatus.TOO_MANY_REQUESTS, "traffic.token.flood", limiter.secondsUntilNextWindow());
                }
                return problem(HttpStatus.UNAUTHORIZED, "traffic.token.invalid");
            }
            Readings.BatchResult result = readings.intakeFromStation(station.get(), body);
            return ResponseEntity.ok(result);
        }
        if (token != null && CurrentUsers.current().isPresent()) {
            return ResponseEntity.ok(readings.intake(body, CurrentUsers.require(), 1));
        }
        return problem(HttpStatus.UNAUTHORIZED, "traffic.token.invalid");
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Object... args) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.get(key, args));
        p.setProperty("code", key);
        return ResponseEntity.status(status).body(p);
    }

    @GetMapping("/cases")
    @Operation(summary = "一超四究 cases of the caller's scope, newest first: status OPEN, CLOSED or OVERDUE (feedback past its deadline), "
            + "county, station, plate, opened from/to (city days)")
    PageResult<Cases.CaseRow> cases(@RequestParam(required = false) String status, @RequestParam(required = false) Long countyId,
                                    @RequestParam(required = false) Long stationId, @RequestParam(required = false) String plate,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer size) {
        return cases.page(new Cases.Filter(status, countyId, stationId, plate, from, to), CurrentUsers.require().scope(), Math.max(1, page),
                PageResult.clampSize(size));
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "One case with its reading's judgment and its four parties: identified, notified (notice number, deadline), answered")
    Cases.CaseView caseOf(@PathVariable long id) {
        return cases.view(id, CurrentUsers.require().scope());
    }
}
