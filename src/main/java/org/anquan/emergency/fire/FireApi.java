package org.anquan.emergency.fire;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fire-weather stations, observations and the computed indices in the JSON API (token or session, by permission). */
@RestController
@RequestMapping("/api/v1/fire")
@Tag(name = "fire", description = "Forest-fire danger: stations, daily noon observations, the FWI system per station and day")
class FireApi {

    private final FireDanger fire;

    FireApi(FireDanger fire) {
        this.fire = fire;
    }

    record StationBody(String code, String name, Long countyId, Double lat, Double lon) {
    }

    @PostMapping("/stations")
    @RequiresPermission(Permission.FIRE_DATA)
    @Operation(summary = "Register a weather station in a county (its point must lie in the county)")
    ResponseEntity<FireDanger.Station> station(@RequestBody StationBody body) {
        var s = fire.addStation(new FireDanger.StationInput(body.code(), body.name(), body.countyId(), body.lat(), body.lon()),
                CurrentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/fire/stations/" + s.code())).body(s);
    }

    record ObservationBody(String stationCode, String date, Object tempC, Object rh, Object windKmh, Object rainMm) {
    }

    @PostMapping("/observations")
    @RequiresPermission(Permission.FIRE_DATA)
    @Operation(summary = "Import noon observations; answers with the rows accepted and each rejected row's position (from 1) and reason")
    FireDanger.ImportResult observations(@RequestBody List<ObservationBody> body) {
        List<FireDanger.ObservationRow> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            ObservationBody o = body.get(i);
            rows.add(new FireDanger.ObservationRow(i + 1, o.stationCode(), o.date(), text(o.tempC()), text(o.rh()), text(o.windKmh()),
                    text(o.rainMm())));
        }
        return fire.importObservations(rows, CurrentUsers.require());
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    @GetMapping("/indices")
    @Operation(summary = "A station's days in [from, to]: the weather, FFMC, DMC, DC, ISI, BUI, FWI and the national level")
    List<FireDanger.Index> indices(@RequestParam String station,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return fire.indices(station, from, to);
    }
}
