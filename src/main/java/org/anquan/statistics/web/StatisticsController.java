package org.anquan.statistics.web;

import java.time.LocalDate;
import java.util.Locale;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.InvalidInputException;
import org.anquan.statistics.domain.AccidentStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Accident statistics with the change against last year, as a page, as JSON, and in the sentence officials write. */
@Controller
class StatisticsController {

    private final AccidentStatistics statistics;
    private final Wording wording;

    StatisticsController(AccidentStatistics statistics, Wording wording) {
        this.statistics = statistics;
        this.wording = wording;
    }

    @GetMapping("/statistics/accidents")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "COUNTY") AccidentStatistics.GroupBy groupBy, Model model, Locale locale) {
        LocalDate[] ytd = statistics.yearToDate();
        LocalDate f = from != null ? from : ytd[0];
        LocalDate t = to != null ? to : ytd[1];
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("groupBy", groupBy);
        model.addAttribute("groups", AccidentStatistics.GroupBy.values());
        try {
            var c = statistics.compare(f, t, groupBy, CurrentUsers.require().scope(), locale);
            model.addAttribute("comparison", c);
            model.addAttribute("sentence", wording.sentence(c, locale));
        } catch (InvalidInputException e) {
            model.addAttribute("errorKey", e.fieldErrors().values().iterator().next());
        }
        return "statistics/accidents";
    }

    @GetMapping("/api/v1/statistics/accidents")
    @ResponseBody
    AccidentStatistics.Comparison api(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(defaultValue = "COUNTY") AccidentStatistics.GroupBy groupBy, Locale locale) {
        LocalDate[] ytd = statistics.yearToDate();
        return statistics.compare(from != null ? from : ytd[0], to != null ? to : ytd[1], groupBy, CurrentUsers.require().scope(), locale);
    }
}
