package org.anquan.duty.watch;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.platform.web.Options;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Duty: who is on duty now, the rosters, the daily zero-report, and the city duty office's spot checks. */
@Controller
class DutyController {

    private final DutyRosters rosters;
    private final ZeroReports zero;
    private final SpotChecks spot;
    private final Messages messages;
    private final Downloads downloads;
    private final Clock clock;

    DutyController(DutyRosters rosters, ZeroReports zero, SpotChecks spot, Messages messages, Downloads downloads, Clock clock) {
        this.rosters = rosters;
        this.zero = zero;
        this.spot = spot;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
    }

    @GetMapping("/duty")
    String overview(Model model) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("onDuty", rosters.onDutyNow());
        model.addAttribute("zero", zero.of(today));
        model.addAttribute("deadline", zero.deadline());
        model.addAttribute("rosters", rosters.rosters(me, 50));
        List<DutyRosters.Unit> myUnits = me.may(Permission.DUTY_MANAGE) ? rosters.unitsOf(me) : List.of();
        model.addAttribute("myUnits", myUnits);
        model.addAttribute("unitOptions", Options.of(myUnits, DutyRosters.Unit::key, DutyRosters.Unit::name));
        model.addAttribute("today", today);
        return "duty/overview";
    }

    @PostMapping("/duty/rosters")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String build(@RequestParam(required = false) String unit, @RequestParam(required = false) String title,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "24") int shiftHours, @RequestParam(defaultValue = "8") int firstShiftHour,
                 @RequestParam(required = false) String leaders, @RequestParam(required = false) String officers, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.create("/duty", "duty.roster.built", redirect, () -> "/duty/rosters/" + rosters.build(
                new DutyRosters.Pattern(unit, title, from, to, shiftHours, firstShiftHour, leaders, officers), me));
    }

    @GetMapping("/duty/rosters/{id}")
    String roster(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        var r = rosters.readable(id, me);
        model.addAttribute("r", r);
        model.addAttribute("shifts", rosters.shifts(id));
        model.addAttribute("gaps", rosters.gaps(id));
        model.addAttribute("swaps", rosters.swaps(id));
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "duty/roster";
    }

    /** The roster printed in the official layout: a table of days, shifts, leaders and officers with their phones. */
    @GetMapping("/duty/rosters/{id}.docx")
    void print(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        var r = rosters.readable(id, CurrentUsers.require());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("duty.print.time"), messages.get("duty.role.LEADER"), messages.get("duty.role.OFFICER")});
        var shifts = rosters.shifts(id);
        for (var s : shifts) {
            if (!"LEADER".equals(s.role())) {
                continue;
            }
            var officer = shifts.stream().filter(o -> "OFFICER".equals(o.role()) && o.startsAt().isEqual(s.startsAt())).findFirst();
            rows.add(new String[] {span(s.startsAt(), s.endsAt()), s.person() + " " + s.phone(),
                    officer.map(o -> o.person() + " " + o.phone()).orElse("")});
        }
        var doc = new OfficialDocument(r.unitName() + r.title(), messages.get("duty.print.number"))
                .paragraph(messages.get("duty.print.intro", OfficialDocument.date(r.startsOn(), locale), OfficialDocument.date(r.endsOn(), locale)))
                .table(rows)
                .paragraph(messages.get("duty.print.rules"))
                .signedBy(r.unitName(), r.publishedAt() == null ? LocalDate.now(clock) : r.publishedAt().atZoneSameInstant(clock.getZone()).toLocalDate(),
                        locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.roster", r.unitName(), r.title());
        doc.write(response.getOutputStream());
    }

    private String span(OffsetDateTime from, OffsetDateTime to) {
        var f = from.atZoneSameInstant(clock.getZone());
        var t = to.atZoneSameInstant(clock.getZone());
        return String.format(Locale.ROOT, "%d月%d日 %02d:%02d – %s%02d:%02d", f.getMonthValue(), f.getDayOfMonth(), f.getHour(), f.getMinute(),
                t.toLocalDate().equals(f.toLocalDate()) ? "" : t.getMonthValue() + "月" + t.getDayOfMonth() + "日 ", t.getHour(), t.getMinute());
    }

    @PostMapping("/duty/rosters/{id}/publish")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String publish(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + id, "duty.roster.published", redirect, () -> rosters.publish(id, version, me));
    }

    @PostMapping("/duty/rosters/{id}/shifts")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String addShift(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
                    @RequestParam(required = false) String role, @RequestParam(required = false) String person,
                    @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + id, "duty.shift.added", redirect, () -> rosters.addShift(id,
                from == null ? null : from.atZone(clock.getZone()).toOffsetDateTime(), to == null ? null : to.atZone(clock.getZone()).toOffsetDateTime(),
                role, person, phone, me));
    }

    @PostMapping("/duty/shifts/{id}/checkin")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String checkIn(@PathVariable long id, @RequestParam long roster, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + roster, "duty.checkin.recorded", redirect, () -> rosters.checkIn(id, me));
    }

    @PostMapping("/duty/shifts/{id}/handover")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String handover(@PathVariable long id, @RequestParam long roster, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + roster, "duty.handover.recorded", redirect, () -> rosters.handover(id, note, me));
    }

    @PostMapping("/duty/shifts/{id}/swap")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String swap(@PathVariable long id, @RequestParam long roster, @RequestParam(required = false) String person,
                @RequestParam(required = false) String phone, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + roster, "duty.swap.requested", redirect, () -> rosters.requestSwap(id, person, phone, reason, me));
    }

    @PostMapping("/duty/swaps/{id}/{decision:approve|refuse}")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String decide(@PathVariable long id, @PathVariable String decision, @RequestParam long roster, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty/rosters/" + roster, "duty.swap." + decision + "d", redirect, () -> rosters.decideSwap(id, "approve".equals(decision), me));
    }

    @PostMapping("/duty/zero-report")
    @RequiresPermission(Permission.DUTY_MANAGE)
    String zeroReport(@RequestParam(required = false) String unit, @RequestParam(defaultValue = "true") boolean nothing,
                      @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/duty", "duty.zero.sent", redirect, () -> zero.submit(unit, nothing, note, me));
    }

    @GetMapping("/duty/spot-checks")
    String spotChecks(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfMonth(1) : from;
        LocalDate t = to == null ? today : to;
        model.addAttribute("checks", spot.checks(30));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("ranking", spot.ranking(f, t));
        model.addAttribute("onDuty", rosters.onDutyNow().size());
        return "duty/spot-checks";
    }

    @PostMapping("/duty/spot-checks")
    @RequiresPermission(Permission.DUTY_SPOT_CHECK)
    String draw(@RequestParam(defaultValue = "5") int size, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.create("/duty/spot-checks", "duty.spot.drawn", redirect, () -> "/duty/spot-checks/" + spot.draw(size, me));
    }

    @GetMapping("/duty/spot-checks/{id:\\d+}")
    String spotCheck(@PathVariable long id, Model model) {
        model.addAttribute("check", spot.check(id));
        model.addAttribute("calls", spot.calls(id));
        return "duty/spot-check";
    }

    @PostMapping("/duty/spot-checks/{id:\\d+}/calls/{rosterId}")
    @RequiresPermission(Permission.DUTY_SPOT_CHECK)
    String record(@PathVariable long id, @PathVariable long rosterId, @RequestParam(required = false) String result,
                  @RequestParam(required = false) Integer seconds, @RequestParam(required = false) Boolean leaderOnPost,
                  RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        SpotChecks.Result r = null;
        try {
            r = result == null ? null : SpotChecks.Result.valueOf(result);
        } catch (IllegalArgumentException e) {
            r = null;
        }
        SpotChecks.Result chosen = r;
        return Actions.run("/duty/spot-checks/" + id, "duty.spot.recorded", redirect, () -> spot.record(id, rosterId, chosen, seconds, leaderOnPost, me));
    }

    /** 值班抽查情况通报: the period's ranking and the units that failed, as Word. */
    @GetMapping("/duty/spot-checks/notice.docx")
    void notice(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response, Locale locale)
            throws IOException {
        var ranking = spot.ranking(from, to);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("duty.rank.unit"), messages.get("duty.rank.calls"), messages.get("duty.rank.rostered"),
                messages.get("duty.rank.other"), messages.get("duty.rank.none"), messages.get("duty.rank.leader.absent"), messages.get("duty.rank.seconds")});
        for (var r : ranking) {
            rows.add(new String[] {r.unitName(), String.valueOf(r.calls()), String.valueOf(r.rostered()), String.valueOf(r.other()),
                    String.valueOf(r.none()), String.valueOf(r.leaderAbsent()), r.averageSeconds() == null ? "—" : String.valueOf(r.averageSeconds())});
        }
        List<String> failed = ranking.stream().filter(r -> !r.compliant()).map(SpotChecks.Rank::unitName).toList();
        int calls = ranking.stream().mapToInt(SpotChecks.Rank::calls).sum();
        var doc = new OfficialDocument(messages.get("duty.notice.title"), messages.get("duty.print.number"))
                .to(messages.get("duty.notice.to"))
                .paragraph(messages.get("duty.notice.body", OfficialDocument.date(from, locale), OfficialDocument.date(to, locale), calls, ranking.size()))
                .table(rows)
                .paragraph(failed.isEmpty() ? messages.get("duty.notice.all.good") : messages.get("duty.notice.failed", String.join("、", failed)))
                .paragraph(messages.get("duty.notice.requirements"))
                .signedBy(messages.get("duty.unit.city"), LocalDate.now(clock), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.spot.notice", from, to);
        doc.write(response.getOutputStream());
    }
}
