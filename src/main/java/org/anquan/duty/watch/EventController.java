package org.anquan.duty.watch;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

/** Information reporting: the events with their clocks, a new event with its first report, follow-ups, the final report. */
@Controller
class EventController {

    private final EventReports events;
    private final Directory directory;
    private final Clock clock;

    EventController(EventReports events, Directory directory, Clock clock) {
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    private OffsetDateTime city(LocalDateTime t) {
        return t == null ? null : t.atZone(clock.getZone()).toOffsetDateTime();
    }

    @GetMapping("/duty/events")
    String list(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("events", events.events(me, 100));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("kinds", EventReports.KINDS);
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("nowLocal", LocalDateTime.now(clock).withSecond(0).withNano(0));
        Map<Long, String> names = directory.countyNames();
        model.addAttribute("countyNames", names);
        return "duty/events";
    }

    @PostMapping("/duty/events")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String open(@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "false") boolean serious,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime learnedAt,
                @RequestParam(required = false) Long countyId, @RequestParam(required = false) String place,
                @RequestParam(required = false) String channel,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime reportedAt,
                @RequestParam(required = false) String body, @RequestParam(required = false) Integer deaths,
                @RequestParam(required = false) Integer injured, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.create("/duty/events", "duty.event.opened", redirect, () -> "/duty/events/" + events.open(
                new EventReports.EventInput(title, kind, serious, city(occurredAt), city(learnedAt), countyId, place),
                new EventReports.ReportInput("FIRST", channel, city(reportedAt), body, deaths, injured), me));
    }

    @GetMapping("/duty/events/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        var e = events.readable(id, me);
        model.addAttribute("e", e);
        model.addAttribute("reports", events.reports(id));
        model.addAttribute("now", OffsetDateTime.now(clock));
        model.addAttribute("nowLocal", LocalDateTime.now(clock).withSecond(0).withNano(0));
        model.addAttribute("countyName", directory.region(e.countyId()).map(Directory.RegionRef::name).orElse(""));
        model.addAttribute("accidents", "ACCIDENT".equals(e.kind()) ? events.accidentsOf(me) : List.of());
        return "duty/event";
    }

    @PostMapping("/duty/events/{id}/reports")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String report(@PathVariable long id, @RequestParam(required = false) String stage, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime reportedAt,
                  @RequestParam(required = false) String body, @RequestParam(required = false) Integer deaths,
                  @RequestParam(required = false) Integer injured, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/events/" + id, "duty.event.report.sent", redirect, () -> events.report(id, new EventReports.ReportInput(stage, channel, city(reportedAt), body,
                deaths, injured), me));
    }

    @PostMapping("/duty/events/{id}/accident")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String link(@PathVariable long id, @RequestParam(required = false) Long accidentId, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        if (accidentId == null) {
            redirect.addFlashAttribute("errorKey", "duty.event.accident.unknown");
            return "redirect:/duty/events/" + id;
        }
        return Actions.run("/duty/events/" + id, "duty.event.linked", redirect, () -> events.linkAccident(id, accidentId, me));
    }
}
