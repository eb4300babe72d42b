package org.anquan.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/** What differs by database, asked of the connection once at start-up. */
public final class Databases {

    private Databases() {
    }

    /** Whether the data source is PostgreSQL (production) rather than the embedded H2. */
    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }
}
