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

        /** The bound: this p95 at most {@code factor} times the raw work's p95 plus {@code slackMs}; printed, then asserted. */
        public Figures atMost(double factor, Figures raw, double slackMs) {
            return bound(p95 <= factor * raw.p95 + slackMs, String.format(Locale.ROOT, "p95 %.2f ms <= %.1f x %.2f ms (%s) + %.0f ms",
                    p95, factor, raw.p95, raw.name, slackMs));
        }

        /** The bound: this p95 under {@code ms}; printed, then asserted. */
        public Figures p95Below(double ms) {
            return bound(p95 < ms, String.format(Locale.ROOT, "p95 %.2f ms < %.0f ms", p95, ms));
        }

        private Figures bound(boolean holds, String text) {
            BenchmarkSupport.bound(holds, name + ": " + text);
            return this;
        }
    }

    /**
     * Prints a bound as {@code BENCH bound holds|BROKEN: …} and fails the benchmark when it is broken, so a
     * benchmark run says in its exit code whether the figures still meet what the module promises.
     */
    public static void bound(boolean holds, String text) {
        System.out.println("BENCH bound " + (holds ? "holds" : "BROKEN") + ": " + text);
        if (!holds) {
            throw new AssertionError("bound broken: " + text);
        }
    }

    /** A throughput bound: {@code rate} at least {@code share} of {@code rawRate} (both per second); printed, then asserted. */
    public static void atLeast(String name, double rate, double share, String rawName, double rawRate) {
        bound(rate >= share * rawRate, String.format(Locale.ROOT, "%s: %.0f/s >= %.0f%% of %.0f/s (%s)", name, rate, share * 100, rawRate, rawName));
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
