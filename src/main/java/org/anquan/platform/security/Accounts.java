package org.anquan.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: creation, roles and scope, passwords, and the count of failed sign-ins. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountSessions sessions;
    private final LoginThrottle throttle;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock, LoginThrottle throttle,
             AccountSessions sessions) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }


    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("SELECT * FROM user_account WHERE id = :id").param("id", id).query(Accounts::map).optional();
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM user_account WHERE username = :u").param("u", username).query(Accounts::map).optional();
    }

    public PageResult<Account> search(String text, Role role, int page, int size) {
        String like = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase() + "%";
        String where = """
                WHERE (CAST(:like AS VARCHAR) IS NULL OR LOWER(username) LIKE :like OR LOWER(display_name) LIKE :like)
                  AND (CAST(:role AS VARCHAR) IS NULL OR role = :role)
                """;
        String roleName = role == null ? null : role.name();
        long total = jdbc.sql("SELECT COUNT(*) FROM user_account " + where).param("like", like).param("role", roleName)
                .query(Long.class).single();
        List<Account> items = jdbc.sql("SELECT * FROM user_account " + where + " ORDER BY username LIMIT :l OFFSET :o")
                .param("like", like).param("role", roleName).param("l", size).param("o", PageResult.offsetOf(page, size))
                .query(Accounts::map).list();
        return new PageResult<>(items, page, size, total);
    }

    @Transactional
    public long create(AccountForm f, boolean mustChangePassword) {
        checkScope(f);
        PasswordPolicy.check(f.password(), f.username(), f.displayName());
        if (findByUsername(f.username()).isPresent()) {
            throw new BusinessException("account.username.taken", f.username());
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO user_account (username, password_hash, display_name, phone, role, region_id, department_id,
                                          enterprise_id, enabled, must_change_password, created_at)
                VALUES (:u, :p, :d, :ph, :r, :reg, :dep, :ent, :en, :mc, :now)
                """)
                .param("u", f.username()).param("p", encoder.encode(f.password())).param("d", f.displayName())
                .param("ph", f.phone()).param("r", f.role().name()).param("reg", f.scopedRegionId())
                .param("dep", f.scopedDepartmentId()).param("ent", f.scopedEnterpriseId()).param("en", f.enabled())
                .param("mc", mustChangePassword).param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.record("CREATE", "account", id, f.username(), null, snapshot(find(id).orElseThrow()));
        return id;
    }

    @Transactional
    public void update(long id, AccountForm f) {
        if (f.version() == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        checkScope(f);
        Account before = find(id).orElseThrow(() -> new NotFoundException("account", id));
        int changed = jdbc.sql("""
                UPDATE user_account SET display_name = :d, phone = :ph, role = :r, region_id = :reg,
                       department_id = :dep, enterprise_id = :ent, enabled = :en, version = version + 1
                WHERE id = :id AND version = :v
                """)
                .param("d", f.displayName()).param("ph", f.phone()).param("r", f.role().name())
                .param("reg", f.scopedRegionId()).param("dep", f.scopedDepartmentId()).param("ent", f.scopedEnterpriseId())
                .param("en", f.enabled()).param("id", id).param("v", f.version())
                .update();
        if (changed == 0) {
            throw new BusinessException("error.conflict");
        }
        Account after = find(id).orElseThrow();
        audit.record("UPDATE", "account", id, before.username(), snapshot(before), snapshot(after));
        if (before.role() != after.role() || !Objects.equals(before.regionId(), after.regionId())
                || !Objects.equals(before.departmentId(), after.departmentId())
                || !Objects.equals(before.enterpriseId(), after.enterpriseId()) || before.enabled() != after.enabled()) {
            // what the account may do or see changed: no session keeps the old answer
            sessions.endAll(before.username());
        }
    }

    /** Administrator sets a new password; the owner must change it at next login. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        Account a = find(id).orElseThrow(() -> new NotFoundException("account", id));
        PasswordPolicy.check(newPassword, a.username(), a.displayName());
        jdbc.sql("UPDATE user_account SET password_hash = :p, must_change_password = TRUE, failed_attempts = 0, "
                        + "locked_until = NULL, version = version + 1 WHERE id = :id")
                .param("p", encoder.encode(newPassword)).param("id", id).update();
        audit.record("RESET_PASSWORD", "account", id, a.username(), null, null);
        sessions.endAll(a.username());
    }

    /**
     * The owner changes the password, proving the old one. Wrong old passwords count like failed
     * sign-ins of the same account from the same address.
     */
    @Transactional
    public void changeOwnPassword(long id, String oldPassword, String newPassword, String client) {
        Account a = find(id).orElseThrow(() -> new NotFoundException("account", id));
        throttle.waitFor(a.username(), client).ifPresent(wait -> {
            throw new BusinessException("login.throttled.minutes", Math.max(1, (wait.toSeconds() + 59) / 60));
        });
        String hash = jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id").param("id", id)
                .query(String.class).single();
        if (!encoder.matches(oldPassword == null ? "" : oldPassword, hash)) {
            throttle.failed(a.username(), client);
            throw new BusinessException("password.old.wrong");
        }
        throttle.succeeded(a.username(), client);
        PasswordPolicy.check(newPassword, a.username(), a.displayName());
        if (encoder.matches(newPassword, hash)) {
            throw new BusinessException("password.same");
        }
        jdbc.sql("UPDATE user_account SET password_hash = :p, must_change_password = FALSE, version = version + 1 WHERE id = :id")
                .param("p", encoder.encode(newPassword)).param("id", id).update();
        audit.record("CHANGE_PASSWORD", "account", id, null, null, null);
    }

    /** A fresh principal for the account, to replace the one in the session after a change. */
    public AccountUser principalOf(long accountId) {
        AccountUser u = loadPrincipal(accountId);
        if (u == null) {
            throw new NotFoundException("account", accountId);
        }
        return u;
    }

    /** Loads the principal for a login or a token; null when there is no such account. */
    AccountUser loadPrincipal(String username) {
        return jdbc.sql("SELECT * FROM user_account WHERE username = :u").param("u", username)
                .query((rs, n) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(clock));
                    return new AccountUser(currentUser(rs), rs.getString("password_hash"), rs.getBoolean("enabled"),
                            locked, rs.getBoolean("must_change_password"));
                }).optional().orElse(null);
    }

    AccountUser loadPrincipal(long accountId) {
        return find(accountId).map(a -> loadPrincipal(a.username())).orElse(null);
    }

    /** Counts a failed login; the account locks for the configured time after the configured failures. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username) {
        // counted for the administrator's information; failures never lock the account (see LoginThrottle)
        jdbc.sql("UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE username = :u")
                .param("u", username).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String username) {
        jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE username = :u")
                .param("now", OffsetDateTime.now(clock)).param("u", username).update();
    }

    private static void checkScope(AccountForm f) {
        switch (f.role().scopeKind()) {
            case REGION -> require(f.regionId(), "account.scope.region");
            case DEPARTMENT -> require(f.departmentId(), "account.scope.department");
            case ENTERPRISE -> require(f.enterpriseId(), "account.scope.enterprise");
            case CITY -> { }
        }
    }

    private static void require(Long id, String key) {
        if (id == null) {
            throw new BusinessException(key);
        }
    }

    private static Map<String, Object> snapshot(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("phone", a.phone());
        m.put("role", a.role());
        m.put("regionId", a.regionId());
        m.put("departmentId", a.departmentId());
        m.put("enterpriseId", a.enterpriseId());
        m.put("enabled", a.enabled());
        return m;
    }

    private static CurrentUser currentUser(ResultSet rs) throws SQLException {
        return new CurrentUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), (Long) rs.getObject("region_id", Long.class),
                rs.getObject("department_id", Long.class), rs.getObject("enterprise_id", Long.class));
    }

    private static Account map(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("phone"), Role.valueOf(rs.getString("role")), rs.getObject("region_id", Long.class),
                rs.getObject("department_id", Long.class), rs.getObject("enterprise_id", Long.class),
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                rs.getObject("locked_until", OffsetDateTime.class), rs.getObject("last_login_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
