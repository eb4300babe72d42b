package org.anquan.emergency.fire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The FWI system against the standard cffdrs test series, every row to 0.1, carried day to day from the start values. */
class FireWeatherIndexTests {

    /** The standard cffdrs test series, as the reference set hands it over (a copy kept with the tests). */
    static final Path REFERENCE = Path.of("src/test/resources/reference/fwi-reference.csv");

    @Test
    void everyRowOfTheReferenceSeriesMatchesToOneTenth() throws Exception {
        List<String> lines = Files.readAllLines(REFERENCE);
        FireWeatherIndex.Codes codes = FireWeatherIndex.START;
        int rows = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double lat = Double.parseDouble(f[1]);
            int month = Integer.parseInt(f[3]);
            var day = FireWeatherIndex.day(codes, Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]), month, lat);
            String at = f[2] + "-" + f[3] + "-" + f[4];
            Offset<Double> tenth = Offset.offset(0.1);
            assertThat(day.ffmc()).as("FFMC " + at).isCloseTo(Double.parseDouble(f[9]), tenth);
            assertThat(day.dmc()).as("DMC " + at).isCloseTo(Double.parseDouble(f[10]), tenth);
            assertThat(day.dc()).as("DC " + at).isCloseTo(Double.parseDouble(f[11]), tenth);
            assertThat(day.isi()).as("ISI " + at).isCloseTo(Double.parseDouble(f[12]), tenth);
            assertThat(day.bui()).as("BUI " + at).isCloseTo(Double.parseDouble(f[13]), tenth);
            assertThat(day.fwi()).as("FWI " + at).isCloseTo(Double.parseDouble(f[14]), tenth);
            assertThat(day.dsr()).as("DSR " + at).isCloseTo(Double.parseDouble(f[15]), tenth);
            codes = day.codes();
            rows++;
        }
        assertThat(rows).isEqualTo(lines.size() - 1);
    }
}
