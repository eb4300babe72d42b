package org.anquan.traffic.wim;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.anquan.shared.CityTime;
import org.anquan.shared.Databases;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The monthly partitions of the readings on PostgreSQL: each month's is created (through the schema owner's
 * function {@code traffic_reading_partition}) before the first reading of that month is stored, and ahead by
 * the nightly job; months are the city's. On H2 the readings are one table and there is nothing to do.
 */
@Component
class ReadingPartitions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;
    private final Set<YearMonth> ensured = ConcurrentHashMap.newKeySet();

    ReadingPartitions(JdbcClient jdbc, Clock clock, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = Databases.isPostgres(dataSource);
    }

    public boolean partitioned() {
        return postgres;
    }

    /** Makes sure the month has its partition; returns whether one was created now. */
    public boolean ensure(YearMonth month) {
        if (!postgres || ensured.contains(month)) {
            return false;
        }
        OffsetDateTime from = CityTime.startOf(month, clock);
        OffsetDateTime to = CityTime.startOf(month.plusMonths(1), clock);
        String name = String.format("traffic_reading_p%04d%02d", month.getYear(), month.getMonthValue());
        Boolean created;
        try {
            created = create(name, from, to);
        } catch (DataAccessException e) {
            // another instance created it at the same moment: asking again finds it
            created = create(name, from, to);
        }
        ensured.add(month);
        return Boolean.TRUE.equals(created);
    }

    private Boolean create(String name, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT traffic_reading_partition(:name, :from, :to)").param("name", name).param("from", from).param("to", to)
                .query(Boolean.class).single();
    }

    /** The partitions from {@code first} to {@code last}, both included; returns how many were created. */
    public int ensure(YearMonth first, YearMonth last) {
        int created = 0;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            created += ensure(m) ? 1 : 0;
        }
        return created;
    }

    /** The month of a time, the city's. */
    public YearMonth monthOf(OffsetDateTime t) {
        return YearMonth.from(CityTime.inCity(t, clock));
    }
}
