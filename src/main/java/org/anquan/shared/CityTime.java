package org.anquan.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * Day and month bounds in the city's time zone, which the injected {@link Clock} carries. Queries
 * that select "a day", "a month" or "a quarter" of timestamps take their bounds from here.
 */
public final class CityTime {

    private CityTime() {
    }

    /** The first instant of {@code day} in the city. */
    public static OffsetDateTime startOf(LocalDate day, Clock clock) {
        return day.atStartOfDay(clock.getZone()).toOffsetDateTime();
    }

    /** The first instant after {@code day} in the city: the exclusive end of a day range. */
    public static OffsetDateTime endOf(LocalDate day, Clock clock) {
        return startOf(day.plusDays(1), clock);
    }

    public static OffsetDateTime startOf(YearMonth month, Clock clock) {
        return startOf(month.atDay(1), clock);
    }

    /** The city's calendar day of an instant. */
    public static LocalDate dayOf(OffsetDateTime t, Clock clock) {
        return t.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    /** An instant as the city's wall-clock time. */
    public static OffsetDateTime inCity(OffsetDateTime t, Clock clock) {
        return t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
