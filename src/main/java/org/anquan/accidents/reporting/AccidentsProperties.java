package org.anquan.accidents.reporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accident register's time limits (defaults in {@code application.yml}).
 *
 * @param unitReportLimit           the unit reports to the county within this long of the accident (Decree 493 Art. 9)
 * @param levelReportLimit          each level passes it on to the next within this long (Art. 10)
 * @param supplementDays            changes in casualties are reported within this many days (Art. 13)
 * @param supplementDaysRoadAndFire … and within this many for road traffic and fire accidents
 * @param investigation             the investigation's and the reply's deadlines
 * @param credit                    the serious-dishonesty candidates' windows
 */
@ConfigurationProperties("anquan.accidents")
public record AccidentsProperties(Duration unitReportLimit, Duration levelReportLimit, int supplementDays, int supplementDaysRoadAndFire,
                                  Investigation investigation, Credit credit) {

    /**
     * @param reportDays               the investigation report is due this many days after the accident (Art. 29)
     * @param reportExtensionDays      the longest extension of that deadline
     * @param replyDays                the government replies within this many days of the report (Art. 32)
     * @param replyDaysEspeciallyMajor … for an especially major accident
     * @param replyExtensionDays       the longest extension of the reply
     */
    public record Investigation(int reportDays, int reportExtensionDays, int replyDays, int replyDaysEspeciallyMajor,
                                int replyExtensionDays) {
    }

    /**
     * @param listingYears       a confirmed serious-dishonesty entry stays listed this many years
     * @param largerWindowMonths two larger accidents within this many months make an enterprise a candidate
     */
    public record Credit(int listingYears, int largerWindowMonths) {
    }
}
