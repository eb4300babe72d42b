package org.anquan.emergency.fire;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.anquan.IntegrationTest;
import org.anquan.bench.BenchmarkSupport;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The FWI system for 200 stations × 10 years of daily noon weather, imported as one import does it (each row
 * checked, computed day to day per station, stored, warnings raised), beside the bare computation and a raw
 * JDBC batch insert of the same rows. Not part of the test suite; run {@code bench/fire.sh [postgres]}.
 */
@IntegrationTest
class FireBenchmark {

    static final int STATIONS = Integer.getInteger("bench.fire.stations", 200);
    static final int YEARS = Integer.getInteger("bench.fire.years", 10);

    @Autowired FireDanger fire;
    @Autowired Directory directory;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    @Test
    void fwiForTwoHundredStationsOverTenYears() {
        var a = accounts.findByUsername("admin").orElseThrow();
        CurrentUser admin = accounts.principalOf(a.id()).user();
        Random random = new Random(7);
        var counties = directory.counties();
        var shapes = directory.countyShapes();
        List<String> codes = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            var county = counties.get(s % counties.size());
            Polygon shape = Polygon.fromGeoJson(shapes.stream().filter(x -> x.name().equals(county.name())).findFirst().orElseThrow().boundary());
            GeoPoint p;
            do {
                p = new GeoPoint(shape.minLon() + random.nextDouble() * (shape.maxLon() - shape.minLon()),
                        shape.minLat() + random.nextDouble() * (shape.maxLat() - shape.minLat()));
            } while (!directory.countyAt(p).map(r -> r.id() == county.id()).orElse(false));
            String code = String.format(Locale.ROOT, "B%04d", s);
            fire.addStation(new FireDanger.StationInput(code, "压测站" + s, county.id(), p.lat(), p.lon()), admin);
            codes.add(code);
        }
        LocalDate last = LocalDate.now(clock);
        LocalDate first = last.minusYears(YEARS).plusDays(1);
        List<FireDanger.ObservationRow> rows = new ArrayList<>();
        List<double[]> weather = new ArrayList<>();
        int line = 0;
        for (String code : codes) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                double t = 5 + 25 * random.nextDouble();
                double rh = 15 + 80 * random.nextDouble();
                double w = 30 * random.nextDouble();
                double r = random.nextInt(4) == 0 ? 20 * random.nextDouble() : 0;
                weather.add(new double[] {t, rh, w, r, d.getMonthValue()});
                rows.add(new FireDanger.ObservationRow(++line, code, d.toString(), String.format(Locale.ROOT, "%.1f", t),
                        String.format(Locale.ROOT, "%.1f", rh), String.format(Locale.ROOT, "%.1f", w), String.format(Locale.ROOT, "%.1f", r)));
            }
        }
        System.out.printf(Locale.ROOT, "BENCH %d stations x %d years = %d daily rows%n", STATIONS, YEARS, rows.size());

        long t0 = System.nanoTime();
        var result = fire.importObservations(rows, admin);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH import: checked, computed, stored, warned      %8.2f s  (%d accepted, %d rejected, %.0f rows/s)%n",
                importSeconds, result.accepted(), result.rejected().size(), result.accepted() / importSeconds);

        long t1 = System.nanoTime();
        double sink = 0;
        int perStation = weather.size() / STATIONS;
        List<Object[]> raw = new ArrayList<>(weather.size());
        for (int s = 0; s < STATIONS; s++) {
            FireWeatherIndex.Codes codes0 = FireWeatherIndex.START;
            for (int i = 0; i < perStation; i++) {
                double[] w = weather.get(s * perStation + i);
                var day = FireWeatherIndex.day(codes0, w[0], w[1], w[2], w[3], (int) w[4], 30);
                codes0 = day.codes();
                sink += day.fwi();
                raw.add(new Object[] {s, first.plusDays(i), day.ffmc(), day.dmc(), day.dc(), day.isi(), day.bui(), day.fwi()});
            }
        }
        double computeSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH bare FWI computation of the same days            %8.2f s  (checksum %.0f)%n", computeSeconds, sink);

        template.execute("CREATE TABLE bench_fwi_raw (s INT, d DATE, ffmc DOUBLE PRECISION, dmc DOUBLE PRECISION, dc DOUBLE PRECISION, "
                + "isi DOUBLE PRECISION, bui DOUBLE PRECISION, fwi DOUBLE PRECISION)");
        long t2 = System.nanoTime();
        tx.executeWithoutResult(st -> {
            for (int i = 0; i < raw.size(); i += 5000) {
                template.batchUpdate("INSERT INTO bench_fwi_raw VALUES (?, ?, ?, ?, ?, ?, ?, ?)", raw.subList(i, Math.min(raw.size(), i + 5000)));
            }
        });
        double rawSeconds = (System.nanoTime() - t2) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH raw JDBC batch INSERT of the computed rows       %8.2f s%n", rawSeconds);
        template.execute("DROP TABLE bench_fwi_raw");
        // each row checked, computed, stored and judged for warnings: at least a fifth of the bare computation and raw insert
        BenchmarkSupport.atLeast("import", result.accepted() / importSeconds, 0.20, "bare computation + raw JDBC batch insert",
                raw.size() / (computeSeconds + rawSeconds));
    }
}
