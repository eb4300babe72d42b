package org.anquan.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How far ahead a date people enter may lie (deadlines, licence expiry): {@code anquan.input.horizon-years}
 * from today in the city. A date beyond it is a typing error (2062 for 2026), refused with the field named.
 */
@Component
public class DateHorizon {

    private final int years;
    private final Clock clock;

    DateHorizon(@Value("${anquan.input.horizon-years}") int years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    /** Refuses (400) the fields whose dates lie beyond the horizon; null dates pass. */
    public void check(Map<String, LocalDate> dates) {
        LocalDate limit = LocalDate.now(clock).plusYears(years);
        Map<String, String> errors = new LinkedHashMap<>();
        dates.forEach((field, date) -> {
            if (date != null && date.isAfter(limit)) {
                errors.put(field, "validation.date.horizon");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
