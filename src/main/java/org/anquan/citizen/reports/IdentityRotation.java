package org.anquan.citizen.reports;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a new identity key is added, moves every sealed contact to it at start, a chunk per
 * transaction (safe to run on several instances at once: each row is rewritten only while it still
 * carries the old value). Once the log says none is left, the older key can be removed.
 */
@Component
class IdentityRotation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityRotation.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final IdentitySeal seal;
    private final TransactionTemplate tx;

    IdentityRotation(JdbcClient jdbc, IdentitySeal seal, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        int moved = reseal();
        if (moved > 0) {
            log.info("Re-sealed {} reporters' contacts with identity key {}", moved, seal.currentKeyId());
        }
    }

    /** Re-seals every contact not sealed with the current key; returns how many. */
    int reseal() {
        String prefix = seal.currentKeyId() + ":%";
        int total = 0;
        long after = 0;
        while (true) {
            record Sealed(long id, String value) {
            }
            long from = after;
            List<Sealed> rows = jdbc.sql("""
                    SELECT id, contact_sealed FROM citizen_report
                    WHERE contact_sealed IS NOT NULL AND contact_sealed NOT LIKE :prefix AND id > :after ORDER BY id LIMIT :n""")
                    .param("prefix", prefix).param("after", from).param("n", CHUNK)
                    .query((rs, n) -> new Sealed(rs.getLong(1), rs.getString(2))).list();
            if (rows.isEmpty()) {
                return total;
            }
            total += tx.execute(status -> {
                int n = 0;
                for (Sealed s : rows) {
                    n += jdbc.sql("UPDATE citizen_report SET contact_sealed = :v WHERE id = :id AND contact_sealed = :old")
                            .param("v", seal.seal(seal.open(s.value()))).param("id", s.id()).param("old", s.value()).update();
                }
                return n;
            });
            after = rows.get(rows.size() - 1).id();
        }
    }
}
