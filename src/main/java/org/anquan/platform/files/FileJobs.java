package org.anquan.platform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * File work too long to keep a person waiting on one request (a ledger of many thousand rows): it
 * runs in the background while the person may leave and come back; its progress and, when done,
 * the file are kept in the shared database for a day, for the person who started it only, on
 * whichever instance they come back to. A job whose instance stopped mid-way shows as interrupted.
 */
@Component
public class FileJobs {

    private static final Logger log = LoggerFactory.getLogger(FileJobs.class);

    /** How long a finished job's file is kept. */
    static final Duration KEPT = Duration.ofDays(1);
    /** A running job that reported nothing for this long died with its instance. */
    static final Duration SILENT = Duration.ofMinutes(5);

    public enum Status { RUNNING, DONE, FAILED }

    /**
     * A job as it stands. {@code error} is a message key (failed or interrupted); {@code message} is
     * what the work said of itself in the person's words: an import's summary, or why it was refused.
     */
    public record Job(String id, String title, Status status, long done, long total, String filename, String error,
                      String message, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        public int percent() {
            if (status == Status.DONE) {
                return 100;
            }
            return total <= 0 ? 0 : (int) Math.min(99, done * 100 / total);
        }
    }

    /** Tells how many rows are done; cheap to call for every row (it writes at most once a second). */
    public interface Progress {
        void rows(long done);
    }

    /** The work: writes the file, telling its progress; answers what came of it in words, or null. */
    public interface Work {
        String write(Progress progress, OutputStream out) throws IOException;
    }

    /** The work refused its input (a file imported before, wrong columns): the reason, in the person's words. */
    public static class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TaskExecutor executor;
    private volatile long backgroundRows;

    FileJobs(JdbcClient jdbc, Clock clock, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
             FilesProperties props) {
        this.backgroundRows = props.backgroundRows();
        this.jdbc = jdbc;
        this.clock = clock;
        this.executor = executor;
    }

    /** Whether a file of so many rows is made in the background ({@code anquan.files.background-rows}, 20,000). */
    public boolean inBackground(long rows) {
        return rows > backgroundRows;
    }

    /** Changes the threshold of {@link #inBackground} while the application runs; answers the one it replaces. */
    public long backgroundRows(long rows) {
        long before = backgroundRows;
        backgroundRows = rows;
        return before;
    }

    /**
     * Starts the work in the background and answers the job's id at once. The work runs as the
     * person who started it (their security context), so what it audits names them.
     */
    public String start(long accountId, String title, String filename, String contentType, long totalRows, Work work) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("DELETE FROM file_job WHERE created_at < :old").param("old", now.minus(KEPT)).update();
        jdbc.sql("""
                INSERT INTO file_job (id, account_id, title, status, done_rows, total_rows, filename, content_type, created_at, updated_at)
                VALUES (:id, :a, :t, 'RUNNING', 0, :total, :f, :ct, :now, :now)""")
                .param("id", id).param("a", accountId).param("t", cut(title, 200)).param("total", totalRows)
                .param("f", cut(filename, 200)).param("ct", contentType).param("now", now).update();
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, work),
                SecurityContextHolder.getContext()));
        return id;
    }

    private void run(String id, Work work) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long[] lastWrite = {System.nanoTime()};
            String message = work.write(done -> {
                long t = System.nanoTime();
                if (t - lastWrite[0] > 1_000_000_000L) {
                    lastWrite[0] = t;
                    jdbc.sql("UPDATE file_job SET done_rows = :d, updated_at = :now WHERE id = :id")
                            .param("d", done).param("now", OffsetDateTime.now(clock)).param("id", id).update();
                }
            }, out);
            jdbc.sql("UPDATE file_job SET status = 'DONE', done_rows = total_rows, content = :c, message = :m, updated_at = :now "
                            + "WHERE id = :id")
                    .param("c", out.toByteArray()).param("m", message == null ? null : cut(message, 500))
                    .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        } catch (Refused e) {
            jdbc.sql("UPDATE file_job SET status = 'FAILED', message = :m, updated_at = :now WHERE id = :id")
                    .param("m", cut(e.getMessage(), 500)).param("now", OffsetDateTime.now(clock)).param("id", id).update();
        } catch (Exception | OutOfMemoryError e) {
            log.warn("file job {} failed", id, e);
            jdbc.sql("UPDATE file_job SET status = 'FAILED', error = 'files.job.failed', updated_at = :now WHERE id = :id")
                    .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        }
    }

    /** The person's own job, as it stands; another person's is as absent as a job that never was. */
    public Optional<Job> find(String id, long accountId) {
        return jdbc.sql("SELECT id, title, status, done_rows, total_rows, filename, error, message, created_at, updated_at "
                        + "FROM file_job WHERE id = :id AND account_id = :a")
                .param("id", id).param("a", accountId).query(this::map).optional();
    }

    /** The person's jobs of the last day, newest first. */
    public List<Job> recent(long accountId) {
        return jdbc.sql("SELECT id, title, status, done_rows, total_rows, filename, error, message, created_at, updated_at "
                        + "FROM file_job WHERE account_id = :a AND created_at >= :since ORDER BY created_at DESC LIMIT 50")
                .param("a", accountId).param("since", OffsetDateTime.now(clock).minus(KEPT)).query(this::map).list();
    }

    /** A finished job's file. */
    public record File(String filename, String contentType, byte[] content) {
    }

    /** The finished file of the person's own job, read in one query. */
    public Optional<File> file(String id, long accountId) {
        return jdbc.sql("SELECT filename, content_type, content FROM file_job WHERE id = :id AND account_id = :a AND status = 'DONE'")
                .param("id", id).param("a", accountId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private Job map(ResultSet rs, int n) throws SQLException {
        Status status = Status.valueOf(rs.getString("status"));
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        String error = rs.getString("error");
        if (status == Status.RUNNING && updated.isBefore(OffsetDateTime.now(clock).minus(SILENT))) {
            status = Status.FAILED;
            error = "files.job.interrupted";
        }
        return new Job(rs.getString("id"), rs.getString("title"), status, rs.getLong("done_rows"), rs.getLong("total_rows"),
                rs.getString("filename"), error, rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class), updated);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
