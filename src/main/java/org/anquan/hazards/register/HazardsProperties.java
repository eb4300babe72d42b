package org.anquan.hazards.register;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The hazard register's settings (defaults in {@code application.yml}).
 *
 * @param statisticsLifetime   the home page's charts and rank are at most this old
 * @param registerFirstWindow  the register's first page reads the newest this many ids before it widens its window
 * @param evidence             limits of evidence photos
 * @param quarterly            when the quarterly statistics and the annual return are due
 * @param selfClose            the enterprises' own closures of general hazards
 * @param resumptionReviewDays a written application to resume production is reviewed on site within this many days
 * @param extension            the longest extension (延期) of a deadline, by grade
 * @param importing            imports of inspection findings
 */
@ConfigurationProperties("anquan.hazards")
public record HazardsProperties(Duration statisticsLifetime, long registerFirstWindow, Evidence evidence, Quarterly quarterly,
                                SelfClose selfClose, int resumptionReviewDays, Extension extension, @Name("import") Import importing) {

    /** @param maxPixels declared width × height of a photo, checked before it is decoded */
    public record Evidence(long maxPixels) {
    }

    /**
     * @param dueDay       quarterly statistics are due by this day of the month after the quarter (1–28)
     * @param annualDueDay the annual return is due by this day of January (1–31)
     */
    public record Quarterly(int dueDay, int annualDueDay) {
        public Quarterly {
            if (dueDay < 1 || dueDay > 28) {
                throw new IllegalArgumentException("anquan.hazards.quarterly.due-day must be 1..28");
            }
            if (annualDueDay < 1 || annualDueDay > 31) {
                throw new IllegalArgumentException("anquan.hazards.quarterly.annual-due-day must be 1..31 (of January)");
            }
        }
    }

    /** @param spotCheckShare the share of an enterprise's self-closures drawn into 回头看 */
    public record SelfClose(double spotCheckShare) {
    }

    /**
     * @param generalMaxDays a general hazard's deadline is extended by at most this many days
     * @param majorMaxDays   a major hazard's by at most this many
     */
    public record Extension(int generalMaxDays, int majorMaxDays) {
    }

    /** @param backgroundRows a file of more rows is imported in the background */
    public record Import(int backgroundRows) {
    }
}
