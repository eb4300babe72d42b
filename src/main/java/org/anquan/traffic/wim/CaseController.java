package org.anquan.traffic.wim;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anquan.directory.Directory;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 一超四究 cases: the list, a case with its four parties, their identification, notices (抄告, as Word) and answers, and the Art. 66 credit actions. */
@Controller
class CaseController {

    private final Cases cases;
    private final RepeatOffences repeats;
    private final Stations stations;
    private final SourceUnits sources;
    private final Directory directory;
    private final Messages messages;
    private final Downloads downloads;
    private final Clock clock;

    CaseController(Cases cases, RepeatOffences repeats, Stations stations, SourceUnits sources, Directory directory, Messages messages, Downloads downloads, Clock clock) {
        this.cases = cases;
        this.repeats = repeats;
        this.stations = stations;
        this.sources = sources;
        this.directory = directory;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
    }

    @GetMapping("/traffic/cases")
    String caseList(@RequestParam(required = false) String status, @RequestParam(required = false) Long countyId,
                    @RequestParam(required = false) Long stationId, @RequestParam(required = false) String plate,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(defaultValue = "1") int page, Model model) {
        CurrentUser me = CurrentUsers.require();
        var filter = new Cases.Filter(status, countyId, stationId, plate, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute("page", PageResult.atMostLast(Math.max(1, page), p -> cases.page(filter, me.scope(), p, 50)));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("stations", stations.all());
        model.addAttribute("countyNames", directory.countyNames());
        return "traffic/cases";
    }

    @GetMapping("/traffic/cases/{id}")
    String caseDetail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        Cases.CaseView c = cases.view(id, me.scope());
        model.addAttribute("c", c);
        model.addAttribute("countyName", directory.region(c.countyId()).map(Directory.RegionRef::name).orElse(""));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("units", sources.all());
        model.addAttribute("parties", Cases.Party.values());
        return "traffic/case";
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/identify")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String identify(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String registeredPlace,
                    @RequestParam(required = false) String authority, @RequestParam(required = false) Long sourceUnitId,
                    RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.identified", redirect, () -> cases.identify(id, version, party,
                new Cases.IdentifyInput(name, registeredPlace, authority, sourceUnitId, null), CurrentUsers.require()));
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/notify")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String notifyParty(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version, RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.notified.done", redirect,
                () -> cases.notifyParty(id, version, party, CurrentUsers.require()));
    }

    @PostMapping("/traffic/cases/{id}/parties/{party}/answer")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String answer(@PathVariable long id, @PathVariable Cases.Party party, @RequestParam int version,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return Actions.run("/traffic/cases/" + id, "traffic.party.answered.done", redirect,
                () -> cases.answer(id, version, party, answer, CurrentUsers.require()));
    }

    /** The notice (抄告) to a party's authority, as Word in the official layout. */
    @GetMapping("/traffic/cases/{id}/notices/{party}.docx")
    void notice(@PathVariable long id, @PathVariable Cases.Party party, HttpServletResponse response, Locale locale) throws IOException {
        Cases.CaseView c = cases.view(id, CurrentUsers.require().scope());
        Cases.PartyView p = c.parties().stream().filter(x -> x.party() == party && x.notified()).findFirst()
                .orElseThrow(() -> new NotFoundException("traffic_case_party", id + "/" + party));
        String county = directory.region(c.countyId()).map(Directory.RegionRef::name).orElse("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get("traffic.case.plate"), c.plate() + "（" + messages.get("traffic.colour." + c.plateColour()) + "）"});
        rows.add(new String[] {messages.get("traffic.case.measured"), OfficialDocument.date(c.measuredAt().atZoneSameInstant(clock.getZone()).toLocalDate(), locale)
                + " " + c.measuredAt().atZoneSameInstant(clock.getZone()).toLocalTime().withNano(0)});
        rows.add(new String[] {messages.get("traffic.case.station"), c.stationName()});
        rows.add(new String[] {messages.get("traffic.case.gross"), messages.get("traffic.kg", c.grossKg())});
        rows.add(new String[] {messages.get("traffic.case.limit"), messages.get("traffic.kg", c.limitKg())});
        rows.add(new String[] {messages.get("traffic.case.overload"), messages.get("traffic.kg", c.overloadKg()) + "（"
                + c.overloadRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%）"});
        rows.add(new String[] {messages.get("traffic.party." + party), p.name() + "（" + p.registeredPlace() + "）"});
        var doc = new OfficialDocument(messages.get("traffic.notice.title"), p.noticeNo())
                .to(p.authority())
                .paragraph(messages.get("traffic.notice.body", county, messages.get("traffic.party." + party)))
                .table(rows)
                .paragraph(messages.get("traffic.notice.ask", OfficialDocument.date(p.dueOn(), locale)))
                .signedBy(messages.get("traffic.notice.issuer", county), p.notifiedAt().atZoneSameInstant(clock.getZone()).toLocalDate(), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.traffic.notice", c.plate(), messages.get("traffic.party." + party));
        doc.write(response.getOutputStream());
    }

    @GetMapping("/traffic/credit")
    String credit(Model model) {
        model.addAttribute("actions", repeats.list(500));
        return "traffic/credit";
    }
}
