package org.anquan.citizen.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** After a new identity key is added, contacts sealed with the older one still open and are moved to the new one. */
@IntegrationTest
class IdentityRotationTests {

    /** The older of the two test keys (application-test.yml): what sealed contacts before the rotation. */
    static final String OLDER = "c1:7hJmQ1b2Yx0VfL0m2oW3qC9sN6uT5rA4dE8gH1jK2lM=";

    @Autowired IdentitySeal seal;
    @Autowired IdentityRotation rotation;
    @Autowired Intake intake;
    @Autowired Handling handling;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aContactSealedWithTheOlderKeyStillOpensAndIsResealedWithTheCurrentOne() {
        var done = intake.submit(new Intake.Submission("FIRE_DANGER", "旧密钥封存的联系人", "幸福路1号", 118.02, 30.02, null, "钱女士",
                "13655556666", null, Map.of(), List.of(), Intake.Source.WEB, null, null, null), "citizen");
        IdentitySeal older = new IdentitySeal(OLDER, Path.of("unused"));
        jdbc.sql("UPDATE citizen_report SET contact_sealed = :v WHERE id = :id").param("v", older.seal("钱女士\n13655556666\n"))
                .param("id", done.id()).update();
        var a = accounts.findByUsername("admin").orElseThrow();
        CurrentUser admin = accounts.principalOf(a.id()).user();
        assertThat(handling.contact(done.id(), admin).phone()).isEqualTo("13655556666");

        assertThat(rotation.reseal()).isPositive();
        assertThat(jdbc.sql("SELECT contact_sealed FROM citizen_report WHERE id = :id").param("id", done.id()).query(String.class).single())
                .startsWith(seal.currentKeyId() + ":");
        assertThat(handling.contact(done.id(), admin).name()).isEqualTo("钱女士");
        assertThat(rotation.reseal()).isZero();
    }

    @Test
    void anAlteredSealedValueIsRefusedNotMisread() {
        String sealed = seal.seal("孙先生\n13500000000\n");
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> seal.open(altered)).isInstanceOf(IllegalStateException.class);
        assertThat(seal.open(sealed)).isEqualTo("孙先生\n13500000000\n");
    }
}
