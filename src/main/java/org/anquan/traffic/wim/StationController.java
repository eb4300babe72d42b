package org.anquan.traffic.wim;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Weigh-in-motion stations, their tokens and exemptions, the upload of readings, and a reading with its judgment. */
@Controller
class StationController {

    private final Stations stations;
    private final Readings readings;
    private final Exemptions exemptions;
    private final OverLimitLimits limits;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    StationController(Stations stations, Readings readings, Exemptions exemptions, OverLimitLimits limits, Directory directory, Messages messages, Clock clock) {
        this.stations = stations;
        this.readings = readings;
        this.exemptions = exemptions;
        this.limits = limits;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/traffic/stations")
    String stationList(Model model) {
        model.addAttribute("stations", stations.all());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", directory.countyNames());
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
}
