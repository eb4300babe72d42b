package org.anquan.hazards.rankings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.shared.BusinessException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Rankings of counties and departments: a page and its JSON. */
@Controller
class RankingController {

    private final HazardRankings rankings;
    private final Clock clock;

    RankingController(HazardRankings rankings, Clock clock) {
        this.rankings = rankings;
        this.clock = clock;
    }

    record Period(LocalDate from, LocalDate to) {
    }

    Period period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        if (t.isBefore(f)) {
            throw new BusinessException("period.reversed");
        }
        return new Period(f, t);
    }

    @GetMapping("/hazards/rankings")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model, Locale locale) {
        Period p = period(from, to);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("period", p);
        model.addAttribute("counties", rankings.rank(HazardRankings.By.COUNTY, p.from(), p.to(), today, locale));
        model.addAttribute("departments", rankings.rank(HazardRankings.By.DEPARTMENT, p.from(), p.to(), today, locale));
        return "hazards/rankings";
    }

    @GetMapping("/api/v1/hazards/rankings")
    @ResponseBody
    Map<String, Object> json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             Locale locale) {
        Period p = period(from, to);
        LocalDate today = LocalDate.now(clock);
        List<HazardRankings.Rank> counties = rankings.rank(HazardRankings.By.COUNTY, p.from(), p.to(), today, locale);
        List<HazardRankings.Rank> departments = rankings.rank(HazardRankings.By.DEPARTMENT, p.from(), p.to(), today, locale);
        return Map.of("from", p.from(), "to", p.to(), "counties", counties, "departments", departments);
    }
}
