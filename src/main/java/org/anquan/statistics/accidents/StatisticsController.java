package org.anquan.statistics.accidents;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.anquan.directory.Directory;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accident statistics with the change against last year: a page whose tables and charts follow the
 * period and grouping chosen (htmx swaps the results), the same as JSON, and every table as Excel.
 */
@Controller
class StatisticsController {

    /** The tables of the page, each exported by its name. */
    enum Table { GROUPS, MONTHS, RANKING, CAUSES, MOTOR }

    private final AccidentStatistics statistics;
    private final MotorVehicles motor;
    private final Wording wording;
    private final Directory directory;
    private final Messages messages;
    private final Downloads downloads;

    StatisticsController(AccidentStatistics statistics, MotorVehicles motor, Wording wording, Directory directory, Messages messages,
                         Downloads downloads) {
        this.statistics = statistics;
        this.motor = motor;
        this.wording = wording;
        this.directory = directory;
        this.messages = messages;
        this.downloads = downloads;
    }

    @GetMapping("/statistics/accidents")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String groupBy, HtmxRequest htmx, Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        LocalDate[] ytd = statistics.yearToDate();
        LocalDate f = from != null ? from : ytd[0];
        LocalDate t = to != null ? to : ytd[1];
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("groups", AccidentStatistics.GroupBy.values());
        model.addAttribute("mayEnter", me.may(Permission.STATISTICS_ENTER));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("groupBy", AccidentStatistics.GroupBy.COUNTY);
        try {
            DataScope scope = me.scope();
            var grouping = AccidentStatistics.GroupBy.of(groupBy);
            model.addAttribute("groupBy", grouping);
            var c = statistics.compare(f, t, grouping, scope, locale);
            var byKind = grouping == AccidentStatistics.GroupBy.KIND ? c : statistics.compare(f, t, AccidentStatistics.GroupBy.KIND, scope, locale);
            var byCounty = grouping == AccidentStatistics.GroupBy.COUNTY ? c
                    : statistics.compare(f, t, AccidentStatistics.GroupBy.COUNTY, scope, locale);
            var causes = statistics.roadCauses(f, t, scope, locale);
            var vehicles = motor.summary(scope);
            model.addAttribute("comparison", c);
            model.addAttribute("sentence", wording.sentence(c, locale));
            model.addAttribute("roadSentence", wording.roadTraffic(byKind));
            model.addAttribute("months", statistics.months(f, t, scope));
            model.addAttribute("ranking", byCounty.ranked());
            model.addAttribute("causes", causes);
            model.addAttribute("causesSentence", wording.causes(causes));
            model.addAttribute("motor", vehicles);
            model.addAttribute("motorSentence", wording.motor(vehicles));
        } catch (InvalidInputException e) {
            model.addAttribute("errorKey", e.fieldErrors().values().iterator().next());
        }
        return htmx.isHtmxRequest() && !htmx.isBoosted() ? "statistics/accidents :: results" : "statistics/accidents";
    }

    @GetMapping("/api/v1/statistics/accidents")
    @ResponseBody
    AccidentStatistics.Comparison api(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) String groupBy, Locale locale) {
        LocalDate[] ytd = statistics.yearToDate();
        return statistics.compare(from != null ? from : ytd[0], to != null ? to : ytd[1], AccidentStatistics.GroupBy.of(groupBy),
                CurrentUsers.require().scope(), locale);
    }

    /** One table of the page as a workbook, for the same period, grouping and scope. */
    @GetMapping("/statistics/accidents/{table}.xlsx")
    void export(@PathVariable String table,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String groupBy, HttpServletResponse response, Locale locale)
            throws IOException {
        var grouping = AccidentStatistics.GroupBy.of(groupBy);
        Table which = Arrays.stream(Table.values()).filter(v -> v.name().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new NotFoundException("table", table));
        DataScope scope = CurrentUsers.require().scope();
        LocalDate[] ytd = statistics.yearToDate();
        LocalDate f = from != null ? from : ytd[0];
        LocalDate t = to != null ? to : ytd[1];
        List<List<Object>> rows = switch (which) {
            case GROUPS -> groups(statistics.compare(f, t, grouping, scope, locale));
            case MONTHS -> months(statistics.months(f, t, scope));
            case RANKING -> ranking(statistics.compare(f, t, AccidentStatistics.GroupBy.COUNTY, scope, locale));
            case CAUSES -> causes(statistics.roadCauses(f, t, scope, locale));
            case MOTOR -> motor(motor.summary(scope));
        };
        String title = messages.get(switch (which) {
            case GROUPS -> "statistics.groupBy." + grouping;
            case MONTHS -> "statistics.trend";
            case RANKING -> "statistics.ranking";
            case CAUSES -> "statistics.causes";
            case MOTOR -> "statistics.motor";
        });
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.statistics", title + "_" + f + "_" + t);
        Spreadsheets.writeTable(title, rows, response.getOutputStream());
    }

    private List<List<Object>> groups(AccidentStatistics.Comparison c) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(messages.get("statistics.groupBy." + c.groupBy())));
        for (String k : List.of("statistics.accidents", "statistics.deaths", "statistics.injuries", "statistics.loss")) {
            header.addAll(List.of(messages.get(k), messages.get("statistics.lastPeriod"), messages.get("report.col.change")));
        }
        rows.add(header);
        for (var r : c.rows()) {
            rows.add(groupRow(r.name() == null ? messages.get("statistics.unspecified") : r.name(), r));
        }
        rows.add(groupRow(messages.get("statistics.total"), c.total()));
        return rows;
    }

    private List<Object> groupRow(String name, AccidentStatistics.Row r) {
        List<Object> row = new ArrayList<>(List.of(name));
        for (YearOnYear y : List.of(r.accidents(), r.deaths(), r.injuries(), r.loss())) {
            row.addAll(List.of(y.current(), y.previous(), wording.words(y)));
        }
        return row;
    }

    private List<List<Object>> months(List<AccidentStatistics.Month> months) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("statistics.month"), messages.get("statistics.accidents"), messages.get("statistics.lastPeriod"),
                messages.get("statistics.deaths"), messages.get("statistics.lastPeriod")));
        for (var m : months) {
            rows.add(List.of(m.month().toString(), m.current().accidents(), m.previous().accidents(), m.current().deaths(),
                    m.previous().deaths()));
        }
        return rows;
    }

    private List<List<Object>> ranking(AccidentStatistics.Comparison byCounty) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("statistics.rank"), messages.get("statistics.groupBy.COUNTY"), messages.get("statistics.deaths"),
                messages.get("statistics.accidents"), messages.get("statistics.loss"), messages.get("report.col.change")));
        for (var r : byCounty.ranked()) {
            rows.add(List.of(r.rank(), r.row().name(), r.row().current().deaths(), r.row().current().accidents(),
                    r.row().current().lossYuan(), wording.words(r.row().deaths())));
        }
        return rows;
    }

    private List<List<Object>> causes(AccidentStatistics.Causes causes) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("statistics.cause"), messages.get("statistics.accidents"), messages.get("statistics.deaths"),
                messages.get("statistics.share"), messages.get("statistics.lastPeriod")));
        for (var c : causes.causes()) {
            rows.add(Arrays.asList(c.name(), c.accidents(), c.deaths(), causes.share(c) == null ? null : causes.share(c) + "%",
                    c.previousDeaths()));
        }
        return rows;
    }

    private List<List<Object>> motor(MotorVehicles.Summary summary) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("statistics.motor.year"), messages.get("statistics.groupBy.COUNTY"),
                messages.get("statistics.motor.vehicles"), messages.get("statistics.motor.drivers")));
        for (var c : summary.counts()) {
            rows.add(List.of(c.year(), c.countyName(), c.vehicles(), c.drivers()));
        }
        return rows;
    }

    /** A county's vehicles and drivers for a year, entered or corrected. */
    @PostMapping("/statistics/motor")
    String enter(@RequestParam(required = false) Long countyId, @RequestParam(required = false) Integer year,
                 @RequestParam(required = false) Long vehicles, @RequestParam(required = false) Long drivers, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.STATISTICS_ENTER);
        return Actions.run("/statistics/accidents#motor", "statistics.motor.saved", redirect,
                () -> motor.enter(countyId, year, vehicles, drivers, me));
    }

    @PostMapping("/statistics/motor/import")
    String importFile(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.STATISTICS_ENTER);
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return Actions.run("/statistics/accidents#motor", null, redirect,
                () -> redirect.addFlashAttribute("notice", messages.get("statistics.motor.imported", motor.importFile(bytes, name, me))));
    }

    /** The import template: the header and one row per county for last year. */
    @GetMapping("/statistics/motor/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        CurrentUsers.require().require(Permission.STATISTICS_ENTER);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("statistics.groupBy.COUNTY"), messages.get("statistics.motor.year"),
                messages.get("statistics.motor.vehicles"), messages.get("statistics.motor.drivers")));
        int year = statistics.yearToDate()[1].getYear() - 1;
        directory.counties().forEach(c -> rows.add(Arrays.asList(c.name(), year, null, null)));
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.motor.template");
        Spreadsheets.writeTable(messages.get("statistics.motor"), rows, response.getOutputStream());
    }
}
