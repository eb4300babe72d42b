package org.anquan.platform.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lockLease a scheduled job's database lock is held this long and extended every half lease while the job
 *                  runs, at least 30 seconds (defaults in {@code application.yml})
 */
@ConfigurationProperties("anquan.jobs")
public record JobsProperties(Duration lockLease) {
}
