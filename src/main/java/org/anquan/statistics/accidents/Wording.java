package org.anquan.statistics.accidents;

import java.util.Locale;
import java.util.stream.Collectors;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.web.Messages;
import org.springframework.stereotype.Component;

/**
 * Figures in the words officials write them: a change against last year, the opening sentence of a
 * report, the road-traffic four indicators, the causes of road deaths and the growth of vehicles.
 * No sentence divides by zero or leaves a placeholder: a zero base is said in words.
 */
@Component
class Wording {

    private final Messages messages;

    Wording(Messages messages) {
        this.messages = messages;
    }

    /**
     * The sentence of a situation report: in the period, so many accidents and deaths, and how each
     * changed against last year (上升/下降 by a percent, 持平, or 去年同期为零).
     */
    String sentence(AccidentStatistics.Comparison c, Locale locale) {
        var total = c.total();
        return messages.get("statistics.sentence", OfficialDocument.date(c.from(), locale), OfficialDocument.date(c.to(), locale),
                total.current().accidents(), total.current().deaths(), words(total.accidents()), words(total.deaths()));
    }

    String words(YearOnYear y) {
        if (y.zeroBase()) {
            return messages.get(y.current() == 0 ? "yoy.flat" : "yoy.zero.base");
        }
        return switch (y.direction()) {
            case RISE -> messages.get("yoy.rise", y.percent().toPlainString());
            case FALL -> messages.get("yoy.fall", y.percent().toPlainString());
            case FLAT -> messages.get("yoy.flat");
        };
    }

    /** The four indicators of road traffic: accidents, deaths, injuries, direct property loss, each against last year. */
    String roadTraffic(AccidentStatistics.Comparison byKind) {
        var road = byKind.rows().stream().filter(r -> "ROAD_TRAFFIC".equals(r.key())).findFirst().orElse(null);
        if (road == null || road.current().accidents() == 0 && road.previous().accidents() == 0) {
            return messages.get("report.road.none");
        }
        return messages.get("report.road", road.current().accidents(), road.current().deaths(), road.current().injuries(),
                road.current().lossYuan(), words(road.accidents()), words(road.deaths()), words(road.injuries()), words(road.loss()));
    }

    /** The deaths of road traffic by cause, each with its share, and the share of the named four (占比达一半以上 when so). */
    String causes(AccidentStatistics.Causes causes) {
        if (causes.deaths() == 0) {
            return messages.get("report.causes.none");
        }
        String named = causes.causes().stream().filter(AccidentStatistics.Cause::named)
                .map(c -> messages.get("report.causes.item", c.name(), c.deaths(), causes.share(c).toPlainString()))
                .collect(Collectors.joining("、"));
        return messages.get(causes.namedOverHalf() ? "report.causes.over.half" : "report.causes", causes.deaths(), named,
                causes.namedShare().toPlainString());
    }

    /** The growth of motor vehicles and drivers from the first complete year to the last, as compound annual rates. */
    String motor(MotorVehicles.Summary summary) {
        if (summary.vehicles().isEmpty() || summary.drivers().isEmpty()) {
            return messages.get("report.motor.none");
        }
        var v = summary.vehicles().get();
        var d = summary.drivers().get();
        return messages.get("report.motor", v.fromYear(), v.from(), v.toYear(), v.to(), v.percent().toPlainString(), d.from(), d.to(),
                d.percent().toPlainString());
    }
}
