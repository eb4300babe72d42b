package org.anquan.emergency.fire;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Options;
import org.anquan.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fire-danger page: each county's level today, the warnings and who acknowledged them, stations, imports and seasons. */
@Controller
class FireController {

    private final FireDanger fire;
    private final Directory directory;
    private final Clock clock;

    FireController(FireDanger fire, Directory directory, Clock clock) {
        this.fire = fire;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/fire")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        LocalDate d = day == null ? LocalDate.now(clock) : day;
        model.addAttribute("day", d);
        model.addAttribute("levels", fire.countyLevels(d));
        model.addAttribute("warnings", fire.warnings(7));
        model.addAttribute("unacknowledged", fire.unacknowledged(7));
        model.addAttribute("stations", fire.stations());
        model.addAttribute("seasons", fire.seasons());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", directory.countyNames());
        model.addAttribute("departmentNames", departments());
        var contacts = fire.contacts();
        model.addAttribute("contacts", contacts);
        model.addAttribute("contactNames", contacts.stream().collect(Collectors.toMap(FireDanger.Contact::id,
                c -> c.place() + " " + c.name() + " " + c.phone())));
        model.addAttribute("contactCounties", contacts.stream().collect(Collectors.toMap(FireDanger.Contact::id,
                FireDanger.Contact::countyId)));
        Map<Long, String> counties = directory.countyNames();
        model.addAttribute("townshipOptions", Options.of(directory.townships(), t -> String.valueOf(t.id()),
                t -> counties.get(t.countyId()) + " " + t.name()));
        model.addAttribute("contactLevels", List.of("TOWNSHIP", "VILLAGE"));
        // the unit a warning may be addressed to: the user's county or department
        var scope = CurrentUsers.require().scope();
        String kind = switch (scope.kind()) {
            case REGION -> "REGION";
            case DEPARTMENT -> "DEPARTMENT";
            default -> null;
        };
        model.addAttribute("myKind", kind);
        model.addAttribute("myUnit", kind == null ? null : scope.id());
        return "emergency/fire";
    }

    private Map<Long, String> departments() {
        Map<Long, String> m = new HashMap<>();
        var locale = LocaleContextHolder.getLocale();
        directory.departments().forEach(d -> m.put(d.id(), d.name(locale)));
        return m;
    }

    @GetMapping("/fire/stations/{code}")
    String station(@PathVariable String code, Model model) {
        var s = fire.stationByCode(code).orElseThrow(() -> new NotFoundException("fire station", code));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("station", s);
        model.addAttribute("countyName", directory.region(s.countyId()).map(Directory.RegionRef::name).orElse(""));
        List<FireDanger.Index> days = new ArrayList<>(fire.indices(code, today.minusDays(59), today));
        Collections.reverse(days);
        model.addAttribute("days", days);
        return "emergency/station";
    }

    @PostMapping("/fire/stations")
    @RequiresPermission(Permission.FIRE_DATA)
    String addStation(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
                      @RequestParam(required = false) Long countyId, @RequestParam(required = false) Double lat,
                      @RequestParam(required = false) Double lon, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/fire", "fire.station.added", redirect, () -> fire.addStation(new FireDanger.StationInput(code, name, countyId, lat, lon), me));
    }

    /** A CSV or .xlsx of station,date,temp,rh,wind,rain (the header optional); bad rows are named with their line, the rest imported. */
    @PostMapping("/fire/observations")
    @RequiresPermission(Permission.FIRE_DATA)
    String importObservations(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        CurrentUser me = CurrentUsers.require();
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return Actions.run("/fire", null, redirect, () -> redirect.addFlashAttribute("imported", fire.importObservations(bytes, name, me)));
    }

    @PostMapping("/fire/warnings/{id}/acknowledge")
    @RequiresPermission(Permission.FIRE_ACK)
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/fire", "fire.ack.done", redirect, () -> fire.acknowledge(id, me));
    }

    @PostMapping("/fire/contacts")
    @RequiresPermission(Permission.FIRE_DATA)
    String addContact(@RequestParam(required = false) Long townshipId, @RequestParam(required = false) String level,
                      @RequestParam(required = false) String place, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        Long county = townshipId == null ? null : directory.townships().stream().filter(t -> t.id() == townshipId)
                .map(Directory.TownshipRef::countyId).findFirst().orElse(null);
        return Actions.run("/fire", "fire.contact.added", redirect, () -> fire.addContact(county, townshipId, level, place, name, phone, me));
    }

    @PostMapping("/fire/warnings/{id}/contacts/{contactId}/acknowledge")
    @RequiresPermission(Permission.FIRE_ACK)
    String acknowledgeForContact(@PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/fire", "fire.ack.contact.done", redirect, () -> fire.acknowledgeForContact(id, contactId, me));
    }

    @PostMapping("/fire/seasons")
    @RequiresPermission(Permission.FIRE_DATA)
    String addSeason(@RequestParam(required = false) Long countyId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                     RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/fire", "fire.season.added", redirect, () -> fire.addSeason(countyId, startsOn, endsOn, me));
    }
}
