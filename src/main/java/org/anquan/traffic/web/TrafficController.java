package org.anquan.traffic.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.traffic.domain.*;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The traffic pages: the cockpit, stations and their readings, a reading's judgment, the 一超四究 cases, Art. 66 actions, loading units. */
@Controller
class TrafficController {

    private final Stations stations;
    private final Readings readings;
    private final Cases cases;
    private final RepeatOffences repeats;
    private final SourceUnits sources;
    private final Directory directory;
    private final OverLimitLimits limits;
    private final Messages messages;
    private final Downloads downloads;
    private final JsonMapper json;
    private final Roads roads;
    private final Seizures seizures;
    private final Exemptions exemptions;
    private final Clock clock;

    TrafficController(Stations stations, Readings readings, Cases cases, RepeatOffences repeats, SourceUnits sources, Directory directory,
                      OverLimitLimits limits, Messages messages, Downloads downloads, JsonMapper json,
                      Roads roads, Seizures seizures,
                      Exemptions exemptions, Clock clock) {
        this.exemptions = exemptions;
        this.roads = roads;
        this.seizures = seizures;
        this.json = json;
        this.stations = stations;
        this.readings = readings;
        this.cases = cases;
        this.repeats = repeats;
        this.sources = sources;
        this.directory = directory;
        this.limits = limits;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
    }

    private Map<Long, String> countyNames() {
        Map<Long, String> names = new HashMap<>();
        directory.counties().forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    @GetMapping("/traffic")
    String cockpit(Model model) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        List<Stations.Station> all = stations.all();
        List<Readings.StationDay> days = readings.perStationAndDay(today.minusDays(13), today.plusDays(1));
        List<String> dayLabels = new ArrayList<>();
        long[] perDay = new long[14];
        long[] overPerDay = new long[14];
        for (int i = 0; i < 14; i++) {
            dayLabels.add(today.minusDays(13 - i).toString().substring(5));
        }
        Map<Long, long[]> perStation = new LinkedHashMap<>();
        all.forEach(s -> perStation.put(s.id(), new long[2]));
        for (Readings.StationDay d : days) {
            int i = (int) ChronoUnit.DAYS.between(today.minusDays(13), d.day());
            perDay[i] += d.readings();
            overPerDay[i] += d.overLimit();
            long[] s = perStation.computeIfAbsent(d.stationId(), k -> new long[2]);
            s[0] += d.readings();
            s[1] += d.overLimit();
        }
        model.addAttribute("stations", all);
        model.addAttribute("perStation", perStation);
        model.addAttribute("dayLabels", String.join("|", dayLabels));
        model.addAttribute("perDay", join(perDay));
        model.addAttribute("overPerDay", join(overPerDay));
        model.addAttribute("todayReadings", perDay[13]);
        model.addAttribute("todayOver", overPerDay[13]);
        model.addAttribute("parties", cases.owedByParty(me.scope()));
        model.addAttribute("openCases", cases.page(new Cases.Filter("OPEN", null, null, null, null, null), me.scope(), 1, 8));
        model.addAttribute("overdueCases", cases.page(new Cases.Filter("OVERDUE", null, null, null, null, null), me.scope(), 1, 1).total());
        model.addAttribute("actions", repeats.list(5));
        model.addAttribute("ranking", sources.ranking(me.scope()).stream().limit(5).toList());
        model.addAttribute("countyNames", countyNames());
        List<Map<String, Object>> points = new ArrayList<>();
        for (Stations.Station s : all) {
            long[] c = perStation.get(s.id());
            points.add(Map.of("name", s.name() + " " + (c == null ? 0 : c[1]) + "/" + (c == null ? 0 : c[0]), "value", List.of(s.lon(), s.lat()),
                    "color", c != null && c[1] > 0 ? "#dc3545" : "#0d6efd", "url", "/traffic/stations/" + s.id()));
        }
        var segments = roads.segments(me.scope()).stream().filter(Roads.Segment::prone).toList();
        for (var seg : segments) {
            points.add(Map.of("name", seg.road() + " " + seg.fromStake() + "–" + seg.toStake() + " " + seg.name(),
                    "value", List.of(seg.middle().lon(), seg.middle().lat()), "color", "#fd7e14", "url", "/traffic/roads"));
        }
        model.addAttribute("proneCount", segments.size());
        model.addAttribute("dispositions", seizures.byDisposition(me.scope()));
        model.addAttribute("points", json.writeValueAsString(points));
        model.addAttribute("cityMap", directory.cityMap());
        return "traffic/cockpit";
    }

    private static String join(long[] values) {
        StringBuilder b = new StringBuilder();
        for (long v : values) {
            b.append(b.isEmpty() ? "" : "|").append(v);
        }
        return b.toString();
    }

    @GetMapping("/traffic/stations")
    String stationList(Model model) {
        model.addAttribute("stations", stations.all());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", countyNames());
        model.addAttribute("columns", String.join(",", Readings.UPLOAD_COLUMNS));
        model.addAttribute("exemptions", exemptions.all());
        model.addAttribute("reasons", OverLimitPolicy.ExemptionReason.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "traffic/stations";
    }

    @PostMapping("/traffic/stations")
    @RequiresPermission(Permission.TRAFFIC_INTAKE)
    String register(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String road, @RequestParam(required = false) String stake,
                    @RequestParam(required = false) String direction, @RequestParam(required = false) Double lat,
                    @RequestParam(required = false) Double lon, @RequestParam(required = false) Long countyId,
                    @RequestParam(required = false) String operator, RedirectAttributes redirect) {
        String[] token = new String[1];
        String back = Actions.run("/traffic/stations", "traffic.station.registered", redirect, () -> token[0] = stations.register(
                new Stations.StationInput(code, name, road, stake, direction, lat, lon, countyId, operator), CurrentUsers.require()).token());
        if (token[0] != null) {
            redirect.addFlashAttribute("issuedToken", token[0]);
        }
        return back;
    }

    @PostMapping("/traffic/exemptions")
    @RequiresPermission(Permission.TRAFFIC_INTAKE)
    String exempt(@RequestParam(required = false) String plate, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) Integer licenceGrossKg,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
                  @RequestParam(required = false) String basis, RedirectAttributes redirect) {
        return Actions.run("/traffic/stations", "traffic.exemption.added", redirect,
                () -> exemptions.add(plate, reason, licenceGrossKg, validFrom, validTo, basis, CurrentUsers.require()));
    }

    @PostMapping("/traffic/stations/{id}/token")
    @RequiresPermission(Permission.TRAFFIC_INTAKE)
    String renew(@PathVariable long id, RedirectAttributes redirect) {
        String[] token = new String[1];
        String back = Actions.run("/traffic/stations/" + id, "traffic.station.token.renewed", redirect,
                () -> token[0] = stations.issueToken(id, CurrentUsers.require()).token());
        if (token[0] != null) {
            redirect.addFlashAttribute("issuedToken", token[0]);
        }
        return back;
    }

    @GetMapping("/traffic/stations/{id}")
    String station(@PathVariable long id, Model model) {
        Stations.Station s = stations.station(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        model.addAttribute("s", s);
        model.addAttribute("countyName", directory.region(s.countyId()).map(Directory.RegionRef::name).orElse(""));
        model.addAttribute("lines", readings.latest(id, now.minusDays(7), now.plusMinutes(10), 200));
        return "traffic/station";
    }

    /** Imports a CSV (or .xlsx) of readings: a header naming the columns, then a reading per line; bad lines are named, the rest imported. */
    @PostMapping("/traffic/readings/upload")
    @RequiresPermission(Permission.TRAFFIC_INTAKE)
    String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/traffic/stations", null, redirect, () -> {
            Readings.UploadResult r = readings.upload(bytes, name, me);
            redirect.addFlashAttribute("uploadResult", messages.get("traffic.upload.result", r.accepted(), r.duplicates(), r.rejected().size()));
            redirect.addFlashAttribute("uploadProblems", r.rejected().stream().limit(200)
                    .map(p -> messages.get("traffic.upload.line", p.line(), p.reason())).toList());
        });
    }

    @GetMapping("/traffic/readings/{id}")
    String reading(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at, Model model,
                   Locale locale) {
        Readings.Reading r = readings.reading(id, at);
        model.addAttribute("r", r);
        model.addAttribute("limits", limits.current());
        String rule = r.judgment().ruleCode();
        String exemption = rule.startsWith("EXEMPT_") ? rule.substring(7) : rule.equals("LICENCE_MASS") ? rule : null;
        model.addAttribute("exemptionStep", exemption == null ? null
                : exemption.equals("LICENCE_MASS") ? "traffic.step.exemption.licence" : "traffic.step.exemption.exempt");
        model.addAttribute("ruleName", exemption != null ? messages.get("traffic.exemption.reason." + exemption)
                : limits.ruleNames(locale).getOrDefault(rule, rule));
        model.addAttribute("reduction", OverLimitPolicy.SINGLE_TYRE_REDUCTION_KG);
        model.addAttribute("station", stations.station(r.stationId()));
        return "traffic/reading";
    }

    @GetMapping("/traffic/cases")
    String caseList(@RequestParam(required = false) String status, @RequestParam(required = false) Long countyId,
                    @RequestParam(required = false) Long stationId, @RequestParam(required = false) String plate,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "1") int page, Model model) {
        CurrentUser me = CurrentUsers.require();
        var filter = new Cases.Filter(status, countyId, stationId, plate, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", PageResult.atMostLast(Math.max(1, page), p -> cases.page(filter, me.scope(), p, 50)));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("stations", stations.all());
        model.addAttribute("countyNames", countyNames());
        return "traffic/cases";
    }

    @GetMapping("/traffic/cases/{id}")
    String caseDetail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        Cases.CaseView c = cases.view(id, me.scope());
        model.addAttribute("c", c);
        model.addAttribute("countyName", directory.region(c.countyId()).map(Directory.RegionRef::name).orElse(""));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("units", sources.all());
        model.addAttribute("parties", Cases.Party.values());
        return "traffic/case";
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/identify")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String identify(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String registeredPlace,
                    @RequestParam(required = false) String authority, @RequestParam(required = false) Long sourceUnitId,
                    RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.identified", redirect, () -> cases.identify(id, version, party,
                new Cases.IdentifyInput(name, registeredPlace, authority, sourceUnitId, null), CurrentUsers.require()));
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/notify")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String notifyParty(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version, RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.notified.done", redirect,
                () -> cases.notifyParty(id, version, party, CurrentUsers.require()));
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/answer")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String answer(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.answered.done", redirect,
                () -> cases.answer(id, version, party, answer, CurrentUsers.require()));
    }

    /** The notice (抄告) to a party's authority, as Word in the official layout. */
    @GetMapping("/traffic/cases/{id}/notices/{party}.docx")
    void notice(@PathVariable long id, @PathVariable Cases.Party party, HttpServletResponse response, Locale locale) throws IOException {
        Cases.CaseView c = cases.view(id, CurrentUsers.require().scope());
        Cases.PartyView p = c.parties().stream().filter(x -> x.party() == party && x.notified()).findFirst()
                .orElseThrow(() -> new NotFoundException("traffic_case_party", id + "/" + party));
        String county = directory.region(c.countyId()).map(Directory.RegionRef::name).orElse("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("traffic.case.plate"), c.plate() + "（" + messages.get("traffic.colour." + c.plateColour()) + "）"});
        rows.add(new String[] {messages.get("traffic.case.measured"), OfficialDocument.date(c.measuredAt().atZoneSameInstant(clock.getZone()).toLocalDate(), locale)
                + " " + c.measuredAt().atZoneSameInstant(clock.getZone()).toLocalTime().withNano(0)});
        rows.add(new String[] {messages.get("traffic.case.station"), c.stationName()});
        rows.add(new String[] {messages.get("traffic.case.gross"), messages.get("traffic.kg", c.grossKg())});
        rows.add(new String[] {messages.get("traffic.case.limit"), messages.get("traffic.kg", c.limitKg())});
        rows.add(new String[] {messages.get("traffic.case.overload"), messages.get("traffic.kg", c.overloadKg()) + "（"
                + c.overloadRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%）"});
        rows.add(new String[] {messages.get("traffic.party." + party), p.name() + "（" + p.registeredPlace() + "）"});
        var doc = new OfficialDocument(messages.get("traffic.notice.title"), p.noticeNo())
                .to(p.authority())
                .paragraph(messages.get("traffic.notice.body", county, messages.get("traffic.party." + party)))
                .table(rows)
                .paragraph(messages.get("traffic.notice.ask", OfficialDocument.date(p.dueOn(), locale)))
                .signedBy(messages.get("traffic.notice.issuer", county), p.notifiedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.traffic.notice", c.plate(), messages.get("traffic.party." + party));
        doc.write(response.getOutputStream());
    }

    @GetMapping("/traffic/credit")
    String credit(Model model) {
        model.addAttribute("actions", repeats.list(500));
        return "traffic/credit";
    }

    @GetMapping("/traffic/sources")
    String sourceList(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("ranking", sources.ranking(me.scope()));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", countyNames());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("kinds", SourceUnits.KINDS);
        model.addAttribute("deadline", LocalDate.now(clock).plusDays(30));
        return "traffic/sources";
    }

    @PostMapping("/traffic/sources")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String registerSource(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                          @RequestParam(required = false) Long countyId, @RequestParam(required = false) String address,
                          @RequestParam(required = false) Long departmentId, @RequestParam(required = false) String creditCode,
                          RedirectAttributes redirect) {
        Long enterprise = creditCode == null || creditCode.isBlank() ? null
                : directory.enterpriseByCreditCode(creditCode.strip()).map(Directory.EnterpriseRef::id).orElse(-1L);
        return Actions.run("/traffic/sources", "traffic.source.registered", redirect, () -> sources.register(
                new SourceUnits.UnitInput(name, kind, enterprise, countyId, address, departmentId), CurrentUsers.require()));
    }

    @PostMapping("/traffic/sources/{id}/hazard")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String sourceHazard(@PathVariable long id, @RequestParam(required = false) String description,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                        @RequestParam(required = false) String responsiblePerson, RedirectAttributes redirect) {
        return Actions.run("/traffic/sources", "traffic.source.hazard.opened", redirect,
                () -> sources.openHazard(id, description, deadline, responsiblePerson, CurrentUsers.require()));
    }
}
