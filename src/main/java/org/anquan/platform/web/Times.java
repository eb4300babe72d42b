package org.anquan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * Dates and instants as the city reads them, for templates ({@code ${@times.minute(x)}}): converted to the
 * city clock's zone whatever offset the database handed back, formatted as 2026-11-28 14:05.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    public String day(TemporalAccessor t) {
        return format(t, DAY);
    }

    public String minute(TemporalAccessor t) {
        return format(t, MINUTE);
    }

    public String second(TemporalAccessor t) {
        return format(t, SECOND);
    }

    private String format(TemporalAccessor t, DateTimeFormatter f) {
        if (t == null) {
            return "";
        }
        if (t instanceof OffsetDateTime o) {
            return f.format(o.atZoneSameInstant(clock.getZone()));
        }
        if (t instanceof ZonedDateTime z) {
            return f.format(z.withZoneSameInstant(clock.getZone()));
        }
        if (t instanceof Instant i) {
            return f.format(i.atZone(clock.getZone()));
        }
        return f.format(t); // a calendar date or a local time is already the city's
    }
}
