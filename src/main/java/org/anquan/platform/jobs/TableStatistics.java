package org.anquan.platform.jobs;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.anquan.shared.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of tables a job has just grown a lot, so the next query on
 * them is planned for their real size (PostgreSQL otherwise waits for autovacuum and may pick a
 * nested loop over a table it still believes empty).
 */
@Component
public class TableStatistics {

    private static final Set<String> KNOWN = Set.of("supervision_step", "inbox_message", "hazard", "enterprise");

    private final JdbcClient jdbc;
    private final boolean postgres;

    TableStatistics(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Runs a statement with PostgreSQL's planner steered away from sequential scans. For an
     * INSERT ... SELECT whose NOT EXISTS looks into the table being filled: while that table's
     * statistics call it tiny, the planner would rescan it, pages being added included, for every
     * row inserted.
     */
    public <T> T withIndexScans(Supplier<T> statement) {
        if (!postgres) {
            return statement.get();
        }
        jdbc.sql("SET LOCAL enable_seqscan = off").update();
        try {
            return statement.get();
        } finally {
            jdbc.sql("SET LOCAL enable_seqscan = on").update();
        }
    }

    /** On PostgreSQL; H2 refreshes its own statistics as tables change (ANALYZE_AUTO). */
    public void refresh(String... tables) {
        for (String table : tables) {
            if (!KNOWN.contains(table)) {
                throw new IllegalArgumentException("unknown table " + table);
            }
            if (postgres) {
                jdbc.sql("ANALYZE " + table).update();
            }
        }
    }
}
