package org.anquan.traffic.roads;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accident-prone road segments and dangerous tunnels, and their rectification as hazards. */
@Controller
class RoadsController {

    private final Roads roads;
    private final Directory directory;
    private final Clock clock;

    RoadsController(Roads roads, Directory directory, Clock clock) {
        this.roads = roads;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/traffic/roads")
    String roads(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("segments", roads.segments(me.scope()));
        model.addAttribute("tunnels", roads.tunnels(me.scope()));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", directory.countyNames());
        model.addAttribute("deadline", LocalDate.now(clock).plusDays(90));
        return "traffic/roads";
    }

    @PostMapping("/traffic/roads/segments")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String addSegment(@RequestParam(required = false) String road, @RequestParam(required = false) String fromStake,
                      @RequestParam(required = false) String toStake, @RequestParam(required = false) String name,
                      @RequestParam(required = false) Long countyId, @RequestParam(required = false) String owner,
                      @RequestParam(required = false) Double fromLat, @RequestParam(required = false) Double fromLon,
                      @RequestParam(required = false) Double toLat, @RequestParam(required = false) Double toLon,
                      @RequestParam(defaultValue = "false") boolean listed, @RequestParam(required = false) String listedReason,
                      RedirectAttributes redirect) {
        return Actions.run("/traffic/roads", "traffic.segment.added", redirect, () -> roads.addSegment(new Roads.SegmentInput(road, fromStake,
                toStake, name, countyId, owner, fromLat, fromLon, toLat, toLon, listed, listedReason), CurrentUsers.require()));
    }

    @PostMapping("/traffic/roads/tunnels")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String addTunnel(@RequestParam(required = false) String name, @RequestParam(required = false) String road,
                     @RequestParam(required = false) String stake, @RequestParam(required = false) Long countyId,
                     @RequestParam(required = false) String owner, @RequestParam(required = false) Integer lengthM,
                     @RequestParam(defaultValue = "false") boolean singleBoreTwoWay, @RequestParam(required = false) Integer dailyVolume,
                     @RequestParam(required = false) BigDecimal dangerousShare, @RequestParam(required = false) Integer seriousAccidents,
                     @RequestParam(required = false) Integer fireAccidents, @RequestParam(required = false) Double lat,
                     @RequestParam(required = false) Double lon, RedirectAttributes redirect) {
        return Actions.run("/traffic/roads", "traffic.tunnel.added", redirect, () -> roads.addTunnel(new Roads.TunnelInput(name, road, stake,
                countyId, owner, lengthM, singleBoreTwoWay, dailyVolume, dangerousShare, seriousAccidents, fireAccidents, lat, lon),
                CurrentUsers.require()));
    }

    @PostMapping("/traffic/roads/{what:segment|tunnel}/{id}/hazard")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String rectify(@PathVariable String what, @PathVariable long id, @RequestParam(required = false) String description,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, RedirectAttributes redirect) {
        return Actions.run("/traffic/roads", "traffic.source.hazard.opened", redirect,
                () -> roads.rectify(what, id, description, deadline, CurrentUsers.require()));
    }

}
