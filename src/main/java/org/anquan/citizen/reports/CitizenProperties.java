package org.anquan.citizen.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The citizen portal's thresholds (defaults in {@code application.yml}).
 *
 * @param duplicateRadiusMeters a report of the same category within this distance …
 * @param duplicateWindow       … and this long before is offered to the handler as a possible duplicate
 * @param tipHandlingDays       the responsible department answers a tip within this many days
 * @param reportHandlingDays    and any other report within this many days
 * @param maxPhotos             photos per report
 * @param maxPixels             declared width × height of a photo, checked before it is decoded
 * @param maxLongSide           photos are stored scaled down to this many pixels on the long side
 * @param webPerMinute          reports a client address may submit through the portal per minute
 * @param open311PerMinute      requests one Open311 key may post per minute (and one address may read)
 * @param lookupsPerMinute      status pages and public lists one address may read per minute
 * @param open311MaxResults     the most requests one GET answers
 * @param open311MaxDays        the widest start_date–end_date window of a GET
 * @param rewardBands           the reward bands of a verified tip: band → {min, max} in yuan
 */
@ConfigurationProperties("anquan.citizen")
public record CitizenProperties(int duplicateRadiusMeters, Duration duplicateWindow, int tipHandlingDays, int reportHandlingDays,
                                int maxPhotos, long maxPixels, int maxLongSide, int webPerMinute, int open311PerMinute, int lookupsPerMinute,
                                int open311MaxResults, int open311MaxDays, Map<String, Band> rewardBands) {

    public record Band(BigDecimal min, BigDecimal max) {
    }

    public CitizenProperties {
        if (duplicateRadiusMeters <= 0 || duplicateWindow == null || tipHandlingDays <= 0 || reportHandlingDays <= 0
                || maxPhotos <= 0 || maxPixels <= 0 || maxLongSide < 320 || webPerMinute <= 0 || open311PerMinute <= 0 || lookupsPerMinute <= 0
                || open311MaxResults <= 0 || open311MaxDays <= 0 || rewardBands == null || rewardBands.isEmpty()) {
            throw new IllegalStateException("anquan.citizen: every threshold needs a positive value and at least one reward band");
        }
        rewardBands.forEach((band, b) -> {
            if (b.min() == null || b.max() == null || b.min().signum() <= 0 || b.max().compareTo(b.min()) < 0) {
                throw new IllegalStateException("anquan.citizen.reward-bands." + band + ": min and max in yuan, 0 < min <= max");
            }
        });
        rewardBands = Map.copyOf(rewardBands);
    }
}
