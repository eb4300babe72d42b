package org.anquan.statistics.web;

import java.util.Locale;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.web.Messages;
import org.anquan.statistics.domain.AccidentStatistics;
import org.anquan.statistics.domain.YearOnYear;
import org.springframework.stereotype.Component;

/** Figures in the words officials write them: a change against last year, and the opening sentence of a report. */
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
}
