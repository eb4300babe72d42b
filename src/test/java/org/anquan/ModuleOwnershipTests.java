package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module writes only its own tables and reads another module's data only through that module's
 * facade or the views it publishes. Which module owns a table or view is read from the migration
 * that creates it ({@code V<n>__<module>_<what>.sql}); the SQL in each module's code is then
 * checked against it. Spring Modulith sees Java dependencies; this sees the ones written in SQL.
 */
class ModuleOwnershipTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    /** Migrations that differ by database (one folder per vendor), owned the same way. */
    static final Path VENDOR_MIGRATIONS = Path.of("src/main/resources/db/vendor");
    static final Path CODE = Path.of("src/main/java/org/anquan");
    /** Tables that libraries own and use themselves (ShedLock, the Spring Modulith event registry). */
    static final Set<String> LIBRARY_TABLES = Set.of("shedlock", "event_publication");

    static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");
    static final Pattern CREATES = Pattern.compile("CREATE\\s+(TABLE|VIEW)\\s+([a-z_]+)", Pattern.CASE_INSENSITIVE);
    /** A table named after an SQL keyword, or at the start of a string that a query is built from. */
    static final Pattern READS = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)|\"\\s*([a-z_]+)\\s+[a-z]{1,3}\\s+ON\\b");
    static final Pattern WRITES = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_]+)");

    record Owned(String module, boolean view) {
    }

    static Map<String, Owned> owners() throws IOException {
        Map<String, Owned> owners = new LinkedHashMap<>();
        try (Stream<Path> common = Files.list(MIGRATIONS); Stream<Path> vendor = Files.walk(VENDOR_MIGRATIONS)) {
            for (Path f : Stream.concat(common, vendor.filter(p -> p.toString().endsWith(".sql"))).sorted().toList()) {
                Matcher name = MIGRATION_NAME.matcher(f.getFileName().toString());
                assertThat(name.matches()).as("migration %s names its module", f.getFileName()).isTrue();
                Matcher m = CREATES.matcher(Files.readString(f));
                while (m.find()) {
                    owners.put(m.group(2).toLowerCase(Locale.ROOT), new Owned(name.group(1), m.group(1).equalsIgnoreCase("VIEW")));
                }
            }
        }
        return owners;
    }

    static List<String> violations() throws IOException {
        Map<String, Owned> owners = owners();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = CODE.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String module = rel.getName(0).toString();
                String code = Files.readString(f);
                Matcher r = READS.matcher(code);
                while (r.find()) {
                    String table = r.group(1) != null ? r.group(1) : r.group(2);
                    Owned owner = owners.get(table);
                    if (owner != null && !owner.module().equals(module) && !owner.view() && !LIBRARY_TABLES.contains(table)) {
                        violations.add(rel + " reads " + owner.module() + "'s table " + table);
                    }
                }
                Matcher w = WRITES.matcher(code);
                while (w.find()) {
                    Owned owner = owners.get(w.group(1));
                    if (owner != null && (!owner.module().equals(module) || owner.view())) {
                        violations.add(rel + " writes " + owner.module() + "'s " + (owner.view() ? "view " : "table ") + w.group(1));
                    }
                }
            }
        }
        return violations;
    }

    @Test
    void everyModuleWritesOnlyItsOwnTablesAndReadsOthersThroughTheirPublishedViews() throws IOException {
        assertThat(violations()).isEmpty();
    }

    @Test
    void theOwnersAreReadFromTheMigrations() throws IOException {
        Map<String, Owned> owners = owners();
        assertThat(owners.get("hazard")).isEqualTo(new Owned("hazards", false));
        assertThat(owners.get("enterprise")).isEqualTo(new Owned("directory", false));
        assertThat(owners.get("directory_enterprise_view")).isEqualTo(new Owned("directory", true));
        assertThat(owners.get("hazards_hazard_view")).isEqualTo(new Owned("hazards", true));
        assertThat(owners.get("supervision_step")).isEqualTo(new Owned("supervision", false));
        assertThat(owners.get("traffic_reading")).isEqualTo(new Owned("traffic", false));
    }

    @Test
    void aReadOfAnotherModulesTableIsCaughtInEitherShapeOfQuery() {
        assertThat(READS.matcher("SELECT s.* FROM supervision_step s JOIN hazard h ON h.id = s.hazard_id").results()
                .map(m -> m.group(1)).toList()).containsExactly("supervision_step", "hazard");
        Matcher builtUp = READS.matcher("String join = by == COUNTY ? \"region u ON u.id = h.county_id\" : x;");
        assertThat(builtUp.find()).isTrue();
        assertThat(builtUp.group(2)).isEqualTo("region");
        assertThat(WRITES.matcher("UPDATE hazard SET status = 'CLOSED'").find()).isTrue();
    }
}
