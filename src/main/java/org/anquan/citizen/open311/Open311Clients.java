package org.anquan.citizen.open311;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.anquan.citizen.reports.Intake;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications that post reports through Open311, each with its own api_key: issued once (only its
 * SHA-256 is kept) and revoked by the administrator; a revoked key is refused from the next request on.
 */
@Service
public class Open311Clients {

    public record Client(long id, String name) {
    }

    public record Listed(long id, String name, String keyPrefix, String createdBy, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Open311Clients(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The client whose key this is, unless unknown or revoked. */
    public Optional<Client> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, name FROM citizen_client WHERE key_hash = :h AND revoked_at IS NULL")
                .param("h", EvidenceCheck.sha256(apiKey.strip().getBytes(StandardCharsets.UTF_8)))
                .query((rs, n) -> new Client(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Issues a key for a client application; the key is returned once and never shown again. */
    @Transactional
    public String issue(String name, CurrentUser user) {
        user.require(Permission.TOKEN_ADMIN);
        String n = Intake.trim(name);
        if (n == null || n.length() > 100) {
            throw new InvalidInputException(Map.of("name", n == null ? "validation.required" : "validation.too.long"));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO citizen_client (name, key_hash, key_prefix, created_by, created_at)
                VALUES (:name, :hash, :prefix, :by, :at)""")
                .param("name", n).param("hash", EvidenceCheck.sha256(key.getBytes(StandardCharsets.UTF_8)))
                .param("prefix", key.substring(0, 8)).param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        audit.record("ISSUE", "citizen_client", keys.getKeyAs(Number.class).longValue(), "Open311 key for " + n, null, null);
        return key;
    }

    @Transactional
    public void revoke(long id, CurrentUser user) {
        user.require(Permission.TOKEN_ADMIN);
        int n = jdbc.sql("UPDATE citizen_client SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("at", OffsetDateTime.now(clock)).param("id", id).update();
        if (n == 0) {
            throw new NotFoundException("Open311 client", id);
        }
        audit.record("REVOKE", "citizen_client", id, "Open311 key revoked", null, null);
    }

    public List<Listed> list() {
        return jdbc.sql("SELECT id, name, key_prefix, created_by, created_at, revoked_at FROM citizen_client ORDER BY revoked_at NULLS FIRST, name")
                .query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
