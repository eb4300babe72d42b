package org.anquan.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Latency samples and their percentiles, printed as one line a measurement. */
public final class BenchmarkSupport {

    private BenchmarkSupport() {
    }

    public interface Call {
        void run(int i) throws Exception;
    }

    public record Figures(String name, int n, double p50, double p95, double max) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-58s n=%4d  p50=%7.2f ms  p95=%7.2f ms  max=%7.2f ms", name, n, p50, p95, max);
        }
    }

    /**
     * After a bulk load: what autovacuum does on a production PostgreSQL within a minute or two
     * (statistics and the visibility map that lets index-only scans skip the heap; this machine
     * runs PostgreSQL with autovacuum off), and fresh statistics on H2.
     */
    public static void settle(JdbcClient jdbc) {
        String product = jdbc.sql("SELECT 1").query((rs, n) -> {
            try {
                return rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).single();
        jdbc.sql(product.toLowerCase(Locale.ROOT).contains("postgres") ? "VACUUM ANALYZE" : "ANALYZE").update();
    }

    public static Figures measure(String name, int warmup, int n, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run(i);
        }
        List<Double> ms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.run(i);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        Figures f = new Figures(name, n, ms.get(n / 2), ms.get((int) Math.ceil(n * 0.95) - 1), ms.get(n - 1));
        System.out.println("BENCH " + f);
        return f;
    }
}
