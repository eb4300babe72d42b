package org.anquan.traffic.wim;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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

/** Loading units (货运源头单位): their share of the over-limit departures, registration, and a hazard at an inspection target. */
@Controller
class SourceController {

    private final SourceUnits sources;
    private final Directory directory;
    private final Clock clock;

    SourceController(SourceUnits sources, Directory directory, Clock clock) {
        this.sources = sources;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/traffic/sources")
    String sourceList(Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("ranking", sources.ranking(me.scope()));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", directory.countyNames());
        model.addAttribute("departmentOptions", Options.of(directory.departments(), d -> String.valueOf(d.id()), d -> d.name(locale)));
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
