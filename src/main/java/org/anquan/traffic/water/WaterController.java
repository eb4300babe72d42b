package org.anquan.traffic.water;

import java.time.Clock;
import java.time.LocalDate;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Options;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Water transport and fishing vessels: vessels, piers, inspections, the flood-season risk list and its campaign. */
@Controller
class WaterController {

    private final WaterSafety water;
    private final Directory directory;
    private final Clock clock;

    WaterController(WaterSafety water, Directory directory, Clock clock) {
        this.water = water;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/traffic/water")
    String overview(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("vessels", water.vessels(me.scope()));
        var piers = water.piers(me.scope());
        model.addAttribute("piers", piers);
        model.addAttribute("pierOptions", Options.of(piers, p -> String.valueOf(p.id()), WaterSafety.Pier::name));
        var campaign = water.campaign(me.scope());
        model.addAttribute("campaign", campaign);
        model.addAttribute("countyNames", directory.countyNames());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("vesselKinds", WaterSafety.VESSEL_KINDS);
        model.addAttribute("pierKinds", WaterSafety.PIER_KINDS);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("deadline", LocalDate.now(clock).plusDays(30));
        return "traffic/water";
    }

    @PostMapping("/traffic/water/piers")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String pier(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long countyId, @RequestParam(required = false) String operator,
                @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon, RedirectAttributes redirect) {
        return Actions.run("/traffic/water", "traffic.pier.added", redirect,
                () -> water.addPier(name, kind, countyId, operator, lat, lon, CurrentUsers.require()));
    }

    @PostMapping("/traffic/water/vessels")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String vessel(@RequestParam(required = false) String name, @RequestParam(required = false) String registryNo,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String portOfRegistry,
                  @RequestParam(required = false) String owner, @RequestParam(required = false) Integer crew,
                  @RequestParam(required = false) Integer passengers, @RequestParam(defaultValue = "false") boolean terminalFitted,
                  @RequestParam(required = false) Long countyId, @RequestParam(required = false) Long pierId, RedirectAttributes redirect) {
        return Actions.run("/traffic/water", "traffic.vessel.added", redirect, () -> water.addVessel(name, registryNo, kind, portOfRegistry, owner,
                crew, passengers, terminalFitted, countyId, pierId, CurrentUsers.require()));
    }

    @PostMapping("/traffic/water/{type:vessel|pier}/{id}/inspections")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String inspect(@PathVariable String type, @PathVariable long id, @RequestParam(required = false) Long departmentId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                   @RequestParam(required = false) String inspector, @RequestParam(required = false) String findings,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, RedirectAttributes redirect) {
        return Actions.run("/traffic/water", "traffic.inspection.recorded", redirect,
                () -> water.inspect(type, id, departmentId, inspectedOn, inspector, findings, deadline, CurrentUsers.require()));
    }
}
