package org.anquan.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one instance at a time, whoever starts it (the schedule or a person): a ShedLock
 * lock in the shared database. A second start while the first runs is skipped, not queued. The lock
 * is leased for a short time ({@code anquan.jobs.lock-lease}, one minute) and extended every half
 * lease while the job runs, so a job of any length keeps it, and an instance that dies frees it
 * within one lease.
 */
@Component
public class JobLocks implements DisposableBean {

    /** Who holds a job's lock, and until when unless it is extended. */
    public record Holder(String lockedBy, Instant until) {
    }

    private final LockingTaskExecutor executor;
    private final ScheduledExecutorService keepAlive;
    private final JdbcClient jdbc;
    private final Duration lease;
    private final Clock clock;

    JobLocks(DataSource dataSource, JdbcClient jdbc, Clock clock, JobsProperties props) {
        Duration lease = props.lockLease();
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalStateException("anquan.jobs.lock-lease must be at least 30 seconds (the lock is extended every half lease)");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-lock-keep-alive");
            t.setDaemon(true);
            return t;
        });
        this.executor = new DefaultLockingTaskExecutor(new KeepAliveLockProvider(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        // times in UTC from each instance's clock, the same on every database (the database's
                        // own "now" is UTC on PostgreSQL but the session's zone on H2); leases of a minute
                        // leave ample room for the seconds by which synchronised clocks differ
                        .withTimeZone(TimeZone.getTimeZone("UTC"))
                        .build()), keepAlive));
    }

    /** The job's result, or empty when another run holds the lock. */
    public <T> Optional<T> runExclusively(String name, Supplier<T> job) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
                    new LockConfiguration(clock.instant(), name, lease, Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Who holds the job's lock now, if anyone (the lock's times are stored in UTC). */
    public Optional<Holder> holder(String name) {
        return jdbc.sql("SELECT locked_by, lock_until FROM shedlock WHERE name = :n").param("n", name)
                .query((rs, i) -> new Holder(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .optional().filter(h -> h.until().isAfter(clock.instant()));
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
