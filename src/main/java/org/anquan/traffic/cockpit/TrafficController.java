package org.anquan.traffic.cockpit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.traffic.roads.Roads;
import org.anquan.traffic.seizures.Seizures;
import org.anquan.traffic.wim.Cases;
import org.anquan.traffic.wim.Readings;
import org.anquan.traffic.wim.RepeatOffences;
import org.anquan.traffic.wim.SourceUnits;
import org.anquan.traffic.wim.Stations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The traffic cockpit: readings and over-limit per day and station, open cases, credit actions, loading units and the map. */
@Controller
class TrafficController {

    private final Stations stations;
    private final Readings readings;
    private final Cases cases;
    private final RepeatOffences repeats;
    private final SourceUnits sources;
    private final Roads roads;
    private final Seizures seizures;
    private final Directory directory;
    private final JsonMapper json;
    private final Clock clock;

    TrafficController(Stations stations, Readings readings, Cases cases, RepeatOffences repeats, SourceUnits sources, Roads roads,
                      Seizures seizures, Directory directory, JsonMapper json, Clock clock) {
        this.stations = stations;
        this.readings = readings;
        this.cases = cases;
        this.repeats = repeats;
        this.sources = sources;
        this.roads = roads;
        this.seizures = seizures;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
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
        model.addAttribute("countyNames", directory.countyNames());
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

}
