package org.anquan.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys of the audit chain: the last listed seals, every listed one verifies, a missing one is refused. */
class AuditKeysTests {

    static String key(int fill) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) fill);
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void afterARotationTheNewKeySealsAndTheOldOneStillVerifies() {
        AuditKeys before = new AuditKeys("k1:" + key(1), Path.of("unused"));
        AuditKeys after = new AuditKeys("k1:" + key(1) + ",k2:" + key(2), Path.of("unused"));
        assertThat(after.currentId()).isEqualTo("k2");
        assertThat(after.seal("k1", "record")).isEqualTo(before.seal("k1", "record")).isPresent();
        assertThat(after.seal("k2", "record")).isNotEqualTo(after.seal("k1", "record"));
        assertThat(after.seal("k9", "record")).isEmpty();
    }

    @Test
    void aMissingKeyFileIsCreatedWithARandomKeyAndReadAgainTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/audit.key");
        AuditKeys first = new AuditKeys("", file);
        AuditKeys again = new AuditKeys("", file);
        assertThat(Files.readString(file)).contains("k1:");
        assertThat(again.seal("k1", "x")).isEqualTo(first.seal("k1", "x"));
    }

    @Test
    void aMalformedOrShortKeyStopsTheStartAndSaysWhy() {
        assertThatThrownBy(() -> new AuditKeys("no-colon-here", Path.of("unused"))).hasMessageContaining("id:base64");
        assertThatThrownBy(() -> new AuditKeys("k1:" + Base64.getEncoder().encodeToString(new byte[8]), Path.of("unused")))
                .hasMessageContaining("shorter than 32 bytes");
    }
}
