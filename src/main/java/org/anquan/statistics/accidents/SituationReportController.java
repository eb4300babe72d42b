package org.anquan.statistics.accidents;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anquan.hazards.Hazards;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 安全生产形势通报: the sentences officials write, from the data of a period and the reader's scope —
 * the totals and their change, the road-traffic four indicators, the causes of road deaths and their
 * shares, the growth of vehicles and drivers, the counties and industries that
 * rose most, tables by county and industry, and the open major hazards. No placeholder is left and
 * no percent is given against a zero.
 */
@Controller
class SituationReportController {

    private final AccidentStatistics statistics;
    private final MotorVehicles motor;
    private final Wording words;
    private final Hazards hazards;
    private final Messages messages;
    private final Downloads downloads;
    private final Clock clock;

    SituationReportController(AccidentStatistics statistics, MotorVehicles motor, Wording words, Hazards hazards, Messages messages,
                              Downloads downloads, Clock clock) {
        this.statistics = statistics;
        this.motor = motor;
        this.words = words;
        this.hazards = hazards;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
    }

    @GetMapping("/statistics/report.docx")
    void report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response, Locale locale) throws IOException {
        LocalDate[] ytd = statistics.yearToDate();
        LocalDate f = from != null ? from : ytd[0];
        LocalDate t = to != null ? to : ytd[1];
        DataScope scope = CurrentUsers.require().scope();
        var byCounty = statistics.compare(f, t, AccidentStatistics.GroupBy.COUNTY, scope, locale);
        var byIndustry = statistics.compare(f, t, AccidentStatistics.GroupBy.INDUSTRY, scope, locale);
        var byKind = statistics.compare(f, t, AccidentStatistics.GroupBy.KIND, scope, locale);
        var doc = new OfficialDocument(messages.get("report.title"), messages.get("report.draft"))
                .to(messages.get("report.addressee"))
                .paragraph(messages.get("report.heading.overall"))
                .paragraph(words.sentence(byCounty, locale))
                .paragraph(words.roadTraffic(byKind))
                .paragraph(words.causes(statistics.roadCauses(f, t, scope, locale)))
                .paragraph(words.motor(motor.summary(scope)))
                .paragraph(messages.get("report.heading.where"))
                .paragraph(rose("report.rose.counties", "report.rose.counties.none", byCounty.rows()))
                .paragraph(rose("report.rose.industries", "report.rose.industries.none", byIndustry.rows()))
                .table(table(byCounty, "statistics.groupBy.COUNTY"))
                .table(table(byIndustry, "statistics.groupBy.INDUSTRY"))
                .paragraph(messages.get("report.heading.hazards"));
        var majors = hazards.openMajor(scope, 20);
        if (majors.isEmpty()) {
            doc.paragraph(messages.get("report.hazards.none"));
        }
        for (int i = 0; i < majors.size(); i++) {
            var h = majors.get(i);
            doc.paragraph(messages.get("report.hazard.line", i + 1, h.subject(), h.code(), h.countyName(),
                    h.deadline() == null ? "—" : OfficialDocument.date(h.deadline(), locale)));
        }
        doc.signedBy(messages.get("notice.supervision.office"), LocalDate.now(clock), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.report", f + "_" + t);
        doc.write(response.getOutputStream());
    }

    /** The groups whose accidents rose most against last year, at most three, with by how many. */
    private String rose(String key, String noneKey, List<AccidentStatistics.Row> rows) {
        String risen = rows.stream().filter(r -> r.current().accidents() > r.previous().accidents())
                .sorted(Comparator.comparingLong((AccidentStatistics.Row r) -> r.current().accidents() - r.previous().accidents()).reversed())
                .limit(3)
                .map(r -> messages.get("report.rose.item", r.name(), r.current().accidents() - r.previous().accidents()))
                .collect(Collectors.joining("、"));
        return risen.isEmpty() ? messages.get(noneKey) : messages.get(key, risen);
    }

    private List<String[]> table(AccidentStatistics.Comparison c, String groupKey) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {messages.get(groupKey), messages.get("statistics.accidents"), messages.get("report.col.change"),
                messages.get("statistics.deaths"), messages.get("report.col.change")});
        for (var r : c.rows()) {
            rows.add(row(r.name(), r.accidents(), r.deaths()));
        }
        rows.add(row(messages.get("statistics.total"), c.total().accidents(), c.total().deaths()));
        return rows;
    }

    private String[] row(String name, YearOnYear accidents, YearOnYear deaths) {
        return new String[] {name, String.valueOf(accidents.current()), words.words(accidents), String.valueOf(deaths.current()),
                words.words(deaths)};
    }
}
