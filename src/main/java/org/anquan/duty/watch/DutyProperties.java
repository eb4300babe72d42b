package org.anquan.duty.watch;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Duty settings (defaults in {@code application.yml}).
 *
 * @param zeroReportBy        every unit on duty sends its daily report (零报告) by this time of the day, city time
 * @param phoneReportWithin   an event is reported by phone within this long of learning of it
 * @param writtenReportWithin and, when serious, in writing within this long
 */
@ConfigurationProperties("anquan.duty")
record DutyProperties(LocalTime zeroReportBy, Duration phoneReportWithin, Duration writtenReportWithin) {
}
