package org.anquan.platform.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The one role → permission table: printed in the README, the only place code learns who may do what. */
class AccessPolicyTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.anquan");

    @Test
    void theReadmePrintsExactlyThePermissionTableOfTheCode() throws IOException {
        Map<String, Set<Role>> readme = readmeTable();
        Map<String, Set<Role>> code = new LinkedHashMap<>();
        for (Permission p : Permission.values()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role r : Role.values()) {
                if (AccessPolicy.allows(r, p)) {
                    roles.add(r);
                }
            }
            code.put(p.name(), roles);
        }
        Set<String> unknown = new TreeSet<>(readme.keySet());
        unknown.removeAll(code.keySet());
        assertThat(unknown).as("permissions in the README that the code does not have").isEmpty();
        assertThat(readme).as("the README's permission table; expected:\n" + markdown()).isEqualTo(code);
    }

    /** The table in the README, between its markers: a row per permission, a column per role. */
    static Map<String, Set<Role>> readmeTable() throws IOException {
        String text = Files.readString(Path.of("README.md"));
        int start = text.indexOf("<!-- permissions:start -->");
        int end = text.indexOf("<!-- permissions:end -->");
        assertThat(start).as("README has the permission table markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        List<String> rows = text.substring(start, end).lines().filter(l -> l.startsWith("| `")).toList();
        Map<String, Set<Role>> table = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = row.split("\\|", -1);
            String name = cells[1].strip().replace("`", "");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role r : Role.values()) {
                if (cells[3 + r.ordinal()].contains("✓")) {
                    roles.add(r);
                }
            }
            table.put(name, roles);
        }
        return table;
    }

    static String markdown() {
        StringBuilder b = new StringBuilder("| permission | what it allows | ")
                .append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | "))).append(" |\n|---|---|")
                .append("---|".repeat(Role.values().length)).append('\n');
        for (Permission p : Permission.values()) {
            b.append("| `").append(p.name()).append("` | … |");
            for (Role r : Role.values()) {
                b.append(AccessPolicy.allows(r, p) ? " ✓ |" : "   |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void everyRoleHasARowAndReadOnlyRolesMayDoNothing() {
        for (Role r : Role.values()) {
            assertThat(AccessPolicy.permissionsOf(r)).as(r.name()).isNotNull();
        }
        assertThat(AccessPolicy.permissionsOf(Role.LEADER)).isEmpty();
        assertThat(AccessPolicy.permissionsOf(Role.DISCIPLINE)).isEmpty();
        // the duty office takes reports by phone (hazards and accidents), enters the day's fire weather, drafts warnings,
        // keeps its rosters and spot-checks the units on duty
        assertThat(AccessPolicy.permissionsOf(Role.DUTY_OFFICER)).containsExactly(Permission.HAZARD_REPORT, Permission.ACCIDENT_REPORT,
                Permission.FIRE_DATA, Permission.ALERT_AUTHOR, Permission.DUTY_MANAGE, Permission.DUTY_SPOT_CHECK);
        assertThat(AccessPolicy.allows(Role.ENTERPRISE_USER, Permission.HAZARD_ACCEPT)).as("an enterprise never accepts").isFalse();
    }

    @Test
    void aUserMayExactlyWhatTheTableGrantsAndIsRefusedTheRest() {
        CurrentUser county = new CurrentUser(1, "c", "c", Role.COUNTY_OFFICER, 7L, null, null);
        county.require(Permission.REINSPECTION_RECORD);
        Assertions.assertThatThrownBy(() -> county.require(Permission.ACCOUNT_ADMIN))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(new AccountUser(county, "x", true, false, false).getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_COUNTY_OFFICER", "REINSPECTION_RECORD", "INBOX_USE")
                .doesNotContain("ACCOUNT_ADMIN", "SUPERVISION_SWEEP");
    }

    @Test
    void codeOutsideTheSecurityPackageAsksForPermissionsNotRoles() {
        noClasses().that().resideOutsideOfPackages("org.anquan.platform.security..", "..demo..")
                .should().accessField(Role.class, Role.CITY_ADMIN.name())
                .orShould().accessField(Role.class, Role.COUNTY_OFFICER.name())
                .orShould().accessField(Role.class, Role.DEPT_OFFICER.name())
                .orShould().accessField(Role.class, Role.ENTERPRISE_USER.name())
                .orShould().accessField(Role.class, Role.DUTY_OFFICER.name())
                .orShould().accessField(Role.class, Role.LEADER.name())
                .orShould().accessField(Role.class, Role.DISCIPLINE.name())
                .orShould().callMethod(CurrentUser.class, "role")
                .orShould().callMethod(Role.class, "ordinal")
                .because("who may do what is decided by AccessPolicy's table: check a Permission")
                .check(CLASSES);
    }

    private static final Pattern AUTHORITY = Pattern.compile("has(?:Any)?Authority\\(([^)]*)\\)");

    @Test
    void everyAuthorityNamedInTemplatesAndAnnotationsIsAPermission() throws IOException {
        Set<String> names = Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = AUTHORITY.matcher(Files.readString(f));
                    while (m.find()) {
                        for (String quoted : m.group(1).split(",")) {
                            String name = quoted.strip().replace("'", "");
                            if (!name.isEmpty() && !name.contains(".") && !names.contains(name)) {
                                unknown.add(f + ": " + name);
                            }
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("authorities that no permission grants: the check could never pass").isEmpty();
    }
}
