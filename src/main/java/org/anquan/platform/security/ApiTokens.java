package org.anquan.platform.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.shared.BusinessException;
import org.anquan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients, issued by the administrator. A token acts as the account it
 * was issued for, with that account's role and scope. Only a hash is stored; the token itself is
 * shown once.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "aq_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public record TokenInfo(long id, String name, String tokenPrefix, String username, String createdBy,
                            OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                            OffsetDateTime lastUsedAt) {
        public boolean active(OffsetDateTime now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    public record Issued(long id, String token) implements Serializable {
    }

    /** Issues a token for the account; returns the clear token, which is not stored. */
    @Transactional
    public Issued issue(String name, String username, Integer validDays) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BusinessException("token.name.invalid");
        }
        if (validDays != null && (validDays < 1 || validDays > 3650)) {
            throw new BusinessException("token.days.invalid");
        }
        Long accountId = jdbc.sql("SELECT id FROM user_account WHERE username = :u AND enabled = TRUE")
                .param("u", username).query(Long.class).optional()
                .orElseThrow(() -> new BusinessException("token.account.unknown", username));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_token (name, token_prefix, token_hash, account_id, created_by, created_at, expires_at)
                VALUES (:n, :p, :h, :a, :by, :now, :exp)
                """)
                .param("n", name.trim()).param("p", token.substring(0, 10)).param("h", sha256(token))
                .param("a", accountId).param("by", CurrentUsers.actorName()).param("now", now)
                .param("exp", validDays == null ? null : now.plusDays(validDays))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("ISSUE_TOKEN", "api_token", id, name + " → " + username, null, null);
        return new Issued(id, token);
    }

    @Transactional
    public void revoke(long id) {
        int n = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
        if (n == 0) {
            throw new NotFoundException("api_token", id);
        }
        audit.record("REVOKE_TOKEN", "api_token", id, null, null, null);
    }

    public List<TokenInfo> list() {
        return jdbc.sql("""
                SELECT t.*, a.username FROM api_token t JOIN user_account a ON a.id = t.account_id
                ORDER BY t.id DESC
                """).query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                rs.getString("username"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class))).list();
    }

    /** The account id a presented token stands for, if it is known, unrevoked and unexpired. */
    @Transactional
    public Long authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return null;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long accountId = jdbc.sql("""
                SELECT account_id FROM api_token
                WHERE token_hash = :h AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
                """).param("h", sha256(token)).param("now", now).query(Long.class).optional().orElse(null);
        if (accountId != null) {
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :h")
                    .param("now", now).param("h", sha256(token)).update();
        }
        return accountId;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
