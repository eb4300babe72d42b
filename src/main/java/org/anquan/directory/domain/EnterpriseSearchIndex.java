package org.anquan.directory.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A bigram index over enterprise names and addresses. A text query is narrowed to the
 * enterprises holding its two rarest bigrams, found by index, and only those are matched with
 * LIKE; a query of one character, or of bigrams so common that the index would not narrow it,
 * falls back to the scan.
 */
@Component
public class EnterpriseSearchIndex {

    /** Above this many postings a bigram does not narrow the search enough to be worth using. */
    static final long USEFUL_POSTINGS = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    EnterpriseSearchIndex(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The distinct bigrams (by code point) of a text, skipping pairs that touch white space. */
    public static Set<String> bigrams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (!Character.isWhitespace(cps[i]) && !Character.isWhitespace(cps[i + 1])) {
                grams.add(new String(cps, i, 2));
            }
        }
        return grams;
    }

    /** Replaces the bigrams of one enterprise. */
    public void reindex(long enterpriseId, String searchText) {
        jdbc.sql("DELETE FROM enterprise_term WHERE enterprise_id = :id").param("id", enterpriseId).update();
        List<Object[]> rows = new ArrayList<>();
        for (String g : bigrams(searchText)) {
            rows.add(new Object[] {g, enterpriseId});
        }
        batch.batchUpdate("INSERT INTO enterprise_term (term, enterprise_id) VALUES (?, ?)", rows);
    }

    /** Indexes many new enterprises at once (demo and bulk loads). */
    public void indexNew(Map<Long, String> searchTextById) {
        List<Object[]> rows = new ArrayList<>();
        searchTextById.forEach((id, text) -> bigrams(text).forEach(g -> rows.add(new Object[] {g, id})));
        batch.batchUpdate("INSERT INTO enterprise_term (term, enterprise_id) VALUES (?, ?)", rows);
    }

    /** How the text filter should run for a lower-cased query. */
    public interface Plan {
    }

    /** Match every row with LIKE. */
    public record Scan() implements Plan {
    }

    /** Some bigram of the query occurs nowhere: no enterprise can match. */
    public record Nothing() implements Plan {
    }

    /** Only enterprises holding these (one or two) bigrams can match. */
    public record Candidates(List<String> terms) implements Plan {
    }

    public Plan plan(String lowerQuery) {
        Set<String> grams = bigrams(lowerQuery);
        if (grams.isEmpty()) {
            return new Scan();
        }
        Map<Long, List<String>> byPostings = new TreeMap<>();
        for (String g : grams) {
            long n = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM enterprise_term WHERE term = :t LIMIT :cap) x")
                    .param("t", g).param("cap", USEFUL_POSTINGS + 1).query(Long.class).single();
            if (n == 0) {
                return new Nothing();
            }
            byPostings.computeIfAbsent(n, k -> new ArrayList<>()).add(g);
        }
        List<String> rarest = byPostings.entrySet().stream().filter(e -> e.getKey() <= USEFUL_POSTINGS)
                .flatMap(e -> e.getValue().stream()).limit(2).toList();
        return rarest.isEmpty() ? new Scan() : new Candidates(rarest);
    }
}
