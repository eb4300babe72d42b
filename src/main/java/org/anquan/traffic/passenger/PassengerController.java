package org.anquan.traffic.passenger;

import java.time.Clock;
import java.time.LocalDateTime;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 两客一危: operators with their terminals online, drivers, violations, and the public list of serious violators. */
@Controller
class PassengerController {

    private final PassengerSafety passenger;
    private final Directory directory;
    private final Clock clock;

    PassengerController(PassengerSafety passenger, Directory directory, Clock clock) {
        this.passenger = passenger;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/traffic/passenger")
    String overview(Model model) {
        CurrentUser me = CurrentUsers.require();
        var operators = passenger.operators(me.scope());
        model.addAttribute("operators", operators);
        model.addAttribute("operatorOptions", Options.of(operators, o -> String.valueOf(o.id()), PassengerSafety.OperatorRow::name));
        var drivers = passenger.drivers();
        model.addAttribute("drivers", drivers);
        model.addAttribute("driverOptions", Options.of(drivers, d -> String.valueOf(d.id()), d -> d.name() + "（" + d.operatorName() + "）"));
        model.addAttribute("penalties", passenger.penalties());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("kinds", PassengerSafety.OPERATOR_KINDS);
        model.addAttribute("violations", PassengerSafety.VIOLATIONS);
        model.addAttribute("sources", PassengerSafety.SOURCES);
        model.addAttribute("nowLocal", LocalDateTime.now(clock).withSecond(0).withNano(0));
        return "traffic/passenger";
    }

    @PostMapping("/traffic/passenger/operators")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String operator(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String registeredPlace, @RequestParam(required = false) String authority,
                    @RequestParam(required = false) Integer fleetSize, @RequestParam(required = false) Long countyId, RedirectAttributes redirect) {
        return Actions.run("/traffic/passenger", "traffic.operator.added", redirect,
                () -> passenger.addOperator(name, kind, registeredPlace, authority, fleetSize, countyId, CurrentUsers.require()));
    }

    @PostMapping("/traffic/passenger/vehicles")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String vehicle(@RequestParam(required = false) String plate, @RequestParam(required = false) Long operatorId,
                   @RequestParam(defaultValue = "false") boolean terminalFitted, RedirectAttributes redirect) {
        return Actions.run("/traffic/passenger", "traffic.vehicle.added", redirect,
                () -> passenger.addVehicle(plate, operatorId, terminalFitted, CurrentUsers.require()));
    }

    @PostMapping("/traffic/passenger/drivers")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String driver(@RequestParam(required = false) String name, @RequestParam(required = false) String certificateNo,
                  @RequestParam(required = false) Long operatorId, RedirectAttributes redirect) {
        return Actions.run("/traffic/passenger", "traffic.driver.added", redirect,
                () -> passenger.addDriver(name, certificateNo, operatorId, CurrentUsers.require()));
    }

    @PostMapping("/traffic/passenger/violations")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String violation(@RequestParam(required = false) Long driverId, @RequestParam(required = false) String plate,
                     @RequestParam(required = false) String kind,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                     @RequestParam(required = false) String place, @RequestParam(required = false) String source, RedirectAttributes redirect) {
        return Actions.run("/traffic/passenger", "traffic.violation.recorded", redirect, () -> passenger.recordViolation(driverId, plate, kind,
                occurredAt == null ? null : occurredAt.atZone(clock.getZone()).toOffsetDateTime(), place, source, CurrentUsers.require()));
    }

    /** The public credit list of serious violators: names and certificate numbers masked. */
    @GetMapping("/public/traffic/penalties")
    String publicList(Model model) {
        model.addAttribute("penalties", passenger.penalties());
        return "traffic/penalties";
    }
}
