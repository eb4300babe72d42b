package org.anquan.platform.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
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
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    public void refresh(String... tables) {
        for (String table : tables) {
            if (!KNOWN.contains(table)) {
                throw new IllegalArgumentException("unknown table " + table);
            }
            jdbc.sql(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table).update();
        }
    }
}
