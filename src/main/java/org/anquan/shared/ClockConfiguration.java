package org.anquan.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The city clock: the one place the system clock is read, running in the city's time zone
 * ({@code anquan.time-zone}). Everything else has this {@link Clock} injected, so every "today",
 * every day, month and quarter bound and every time shown is the city's, whatever zone the JVM
 * or the database server runs in.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final String SETTING = "anquan.time-zone";

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${" + SETTING + ":Asia/Shanghai}") String zone) {
        return Clock.system(cityZone(zone));
    }

    static ZoneId cityZone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("The setting " + SETTING + " = '" + zone
                    + "' is not a time zone; use a region id such as Asia/Shanghai", e);
        }
    }
}
