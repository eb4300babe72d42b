package org.anquan.platform.documents;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Document numbers (文号) as official documents carry them: the issuing unit's abbreviation and the
 * kind's word, the year in 〔〕 and the number within that unit, kind and year, e.g. 南湖县安委办挂督〔2026〕3号.
 * Numbers are taken in the caller's transaction: a document that is not stored gives its number back.
 */
@Component
public class DocumentNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of the issuer (a stable key such as {@code CITY} or {@code COUNTY:7}), kind and
     * year, formatted with the issuer's abbreviation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String issuer, String kind, int year, String abbreviation) {
        return format(abbreviation, year, reserve(issuer, kind, year, 1));
    }

    /**
     * Reserves {@code count} consecutive numbers of the issuer, kind and year for documents numbered
     * together (the notices of one sweep); returns the first. The counter's row stays locked by the
     * update until the caller commits: no number is handed out twice, and a rolled-back document
     * gives its numbers back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reserve(String issuer, String kind, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one number");
        }
        int updated = increment(issuer, kind, year, count);
        if (updated == 0) {
            try {
                separate.executeWithoutResult(s -> jdbc.sql(
                                "INSERT INTO document_number (issuer, kind, issued_year, last_number) VALUES (:i, :k, :y, 0)")
                        .param("i", issuer).param("k", kind).param("y", year).update());
            } catch (DuplicateKeyException e) {
                // made by the other one
            }
            increment(issuer, kind, year, count);
        }
        return jdbc.sql("SELECT last_number FROM document_number WHERE issuer = :i AND kind = :k AND issued_year = :y")
                .param("i", issuer).param("k", kind).param("y", year).query(Integer.class).single() - count + 1;
    }

    private int increment(String issuer, String kind, int year, int by) {
        return jdbc.sql("UPDATE document_number SET last_number = last_number + :by WHERE issuer = :i AND kind = :k AND issued_year = :y")
                .param("by", by).param("i", issuer).param("k", kind).param("y", year).update();
    }

    /** 南湖县安委办挂督〔2026〕3号: no leading zeros, the year in hexagonal brackets (GB/T 9704 7.2.4). */
    public static String format(String abbreviation, int year, int number) {
        return abbreviation + "〔" + year + "〕" + number + "号";
    }
}
