package org.anquan.hazards.quarterly;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quarterly hazard statistics: enterprises file, officers see filings and late ones. */
@Controller
class QuarterlyController {

    private final QuarterlyReports reports;
    private final Messages messages;
    private final Downloads downloads;

    private final Clock clock;

    QuarterlyController(QuarterlyReports reports, Messages messages, Downloads downloads,
                        Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.messages = messages;
        this.downloads = downloads;
    }

    /** The period the page is about: the one asked for, else the last quarter that ended. */
    private QuarterlyReports.Period period(String key) {
        QuarterlyReports.Period asked = reports.parsePeriod(key);
        if (asked != null) {
            return asked;
        }
        int[] last = reports.lastEndedQuarter();
        return new QuarterlyReports.Period(last[0], last[1], reports.dueOn(last[0], last[1]));
    }

    @GetMapping("/hazards/quarterly")
    String page(@RequestParam(required = false) String period, Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        int[] last = reports.lastEndedQuarter();
        model.addAttribute("filings", reports.filings(me.scope()));
        model.addAttribute("year", last[0]);
        model.addAttribute("quarter", last[1]);
        model.addAttribute("due", QuarterlyReports.dueOn(last[0], last[1], reports.dueDay()));
        if (me.may(Permission.QUARTERLY_FILE)) {
            // the enterprise files any period it missed, late if past its day, each prefilled from the register
            var open = reports.openPeriods(me.enterpriseId());
            model.addAttribute("openPeriods", open);
            var chosen = open.stream().filter(p -> p.key().equals(period)).findFirst()
                    .orElse(open.isEmpty() ? null : open.get(open.size() - 1));
            if (chosen != null) {
                model.addAttribute("chosen", chosen);
                model.addAttribute("prefill", reports.fromRegister(me.enterpriseId(), chosen.year(), chosen.quarter()));
            }
        } else {
            QuarterlyReports.Period p = period(period);
            model.addAttribute("missingPeriod", p);
            model.addAttribute("missing", reports.missing(p, me.scope(), locale, 200));
            model.addAttribute("periods", recentPeriods());
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "hazards/quarterly";
    }

    /** The periods officials choose from: the ended quarters and years of the last two years, newest first. */
    private List<QuarterlyReports.Period> recentPeriods() {
        int[] last = reports.lastEndedQuarter();
        List<QuarterlyReports.Period> list = new ArrayList<>();
        int year = last[0];
        int quarter = last[1];
        for (int i = 0; i < 8; i++) {
            list.add(new QuarterlyReports.Period(year, quarter, reports.dueOn(year, quarter)));
            if (quarter == 1) {
                list.add(new QuarterlyReports.Period(year - 1, QuarterlyReports.ANNUAL, reports.dueOn(year - 1, QuarterlyReports.ANNUAL)));
                year--;
                quarter = 4;
            } else {
                quarter--;
            }
        }
        return list;
    }

    /** The enterprises that have not filed the period, as a workbook, by county and industry. */
    @GetMapping("/hazards/quarterly/missing.xlsx")
    void missing(@RequestParam(required = false) String period, HttpServletResponse response, Locale locale)
            throws IOException {
        CurrentUser me = CurrentUsers.require();
        QuarterlyReports.Period p = period(period);
        String name = p.annual() ? messages.get("quarterly.period.annual", p.year()) : messages.get("quarterly.period.quarter", p.year(), p.quarter());
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.quarterly.missing", p.key());
        reports.exportMissing(p, me.scope(), messages.get("quarterly.missing.title", name),
                new String[] {messages.get("ledger.col.no"), messages.get("field.name"), messages.get("field.creditCode"),
                        messages.get("field.county"), messages.get("field.industryCode")}, locale, response.getOutputStream());
    }

    @PostMapping("/hazards/quarterly")
    String file(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter, @RequestParam(defaultValue = "0") int foundGeneral,
                @RequestParam(defaultValue = "0") int foundMajor, @RequestParam(defaultValue = "0") int rectifiedGeneral,
                @RequestParam(defaultValue = "0") int rectifiedMajor, @RequestParam(required = false) BigDecimal funds,
                @RequestParam(required = false) String principalSigned, RedirectAttributes redirect) {
        return Actions.run("/hazards/quarterly", redirect, () -> {
            var filing = reports.file(year == null ? 0 : year, quarter == null ? 0 : quarter,
                    new QuarterlyReports.Figures(foundGeneral, foundMajor, rectifiedGeneral, rectifiedMajor), funds, principalSigned,
                    CurrentUsers.require());
            return filing.late() ? "quarterly.filed.late" : "quarterly.filed";
        });
    }
}
