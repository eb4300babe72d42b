package org.anquan.traffic.wim;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.anquan.platform.jobs.JobLocks;
import org.anquan.traffic.common.TrafficProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The traffic module's nightly work, on one instance at a time: the readings' partitions for the months
 * ahead, the retention, the feedback ladder of the 一超四究 cases and the Art. 66 credit actions.
 */
@Component
class TrafficJobs {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficJobs.class);
    static final String LOCK = "traffic-nightly";

    private final ReadingPartitions partitions;
    private final Readings readings;
    private final Cases cases;
    private final RepeatOffences repeats;
    private final JobLocks locks;
    private final TrafficProperties props;
    private final Clock clock;

    TrafficJobs(ReadingPartitions partitions, Readings readings, Cases cases, RepeatOffences repeats, JobLocks locks, TrafficProperties props,
                Clock clock) {
        this.partitions = partitions;
        this.readings = readings;
        this.cases = cases;
        this.repeats = repeats;
        this.locks = locks;
        this.props = props;
        this.clock = clock;
    }

    /** The partitions from the oldest month kept to the months ahead, at every start. */
    @EventListener(ApplicationReadyEvent.class)
    void partitionsAtStart() {
        ensurePartitions();
    }

    int ensurePartitions() {
        YearMonth now = YearMonth.now(clock);
        return partitions.ensure(now.minusMonths(props.readingRetentionMonths()), now.plusMonths(props.partitionsAheadMonths()));
    }

    @Scheduled(cron = "${anquan.traffic.nightly-cron:0 40 1 * * *}", zone = "${anquan.time-zone}")
    void scheduled() {
        run();
    }

    /** Runs the night's work unless another instance holds it; what each part did. */
    public Optional<Map<String, Long>> run() {
        return locks.runExclusively(LOCK, () -> {
            long created = ensurePartitions();
            long cleared = readings.clearExpired();
            long climbed = cases.climbLadder();
            long raised = repeats.raise();
            LOG.info("traffic nightly: {} partition(s) created, {} reading(s) cleared, {} feedback item(s) climbed, {} credit action(s) raised",
                    created, cleared, climbed, raised);
            return Map.of("partitions", created, "cleared", cleared, "climbed", climbed, "raised", raised);
        });
    }
}
