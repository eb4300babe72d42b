package org.anquan.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a job on one instance at a time, whoever starts it (the schedule or a person): a ShedLock
 * lock in the shared database. A second start while the first runs is skipped, not queued.
 */
@Component
public class JobLocks {

    private final LockingTaskExecutor executor;
    private final Clock clock;

    JobLocks(DataSource dataSource, Clock clock) {
        this.clock = clock;
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
    }

    /** The job's result, or empty when another run holds the lock. */
    public <T> Optional<T> runExclusively(String name, Duration atMost, Supplier<T> job) {
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(job::get,
                    new LockConfiguration(clock.instant(), name, atMost, Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
