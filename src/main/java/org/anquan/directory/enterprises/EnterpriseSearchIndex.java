package org.anquan.directory.enterprises;

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
 * falls back to the scan. When the narrowed set is small its ids are read first and handed to
 * the list query as values, so that no planner can prefer scanning every name.
 */
@Component
public class EnterpriseSearchIndex {

    /** Above this many postings a bigram does not narrow the search enough to be worth using. */
    static final long USEFUL_POSTINGS = 20_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    /** Up to this many candidates are passed to the list query as ids. */
    private final int candidateIds;

    EnterpriseSearchIndex(JdbcClient jdbc, JdbcTemplate batch, DirectoryProperties props) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.candidateIds = props.searchCandidateIds();
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

    /** Only enterprises holding these (one or two) bigrams can match; too many to list. */
    public record Candidates(List<String> terms) implements Plan {
    }

    /** Only these enterprises can match. */
    public record Ids(List<Long> ids) implements Plan {
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
        if (rarest.isEmpty()) {
            return new Scan();
        }
        List<Long> ids = candidates(rarest);
        if (ids.isEmpty()) {
            return new Nothing();
        }
        return ids.size() > candidateIds ? new Candidates(rarest) : new Ids(ids);
    }

    /** The enterprises holding all the terms, at most one more than the ids the list query takes. */
    private List<Long> candidates(List<String> terms) {
        String sql = terms.size() == 1
                ? "SELECT enterprise_id FROM enterprise_term WHERE term = :a LIMIT :cap"
                : "SELECT t1.enterprise_id FROM enterprise_term t1 JOIN enterprise_term t2 "
                        + "ON t2.enterprise_id = t1.enterprise_id AND t2.term = :b WHERE t1.term = :a LIMIT :cap";
        var query = jdbc.sql(sql).param("a", terms.get(0)).param("cap", candidateIds + 1);
        if (terms.size() > 1) {
            query = query.param("b", terms.get(1));
        }
        return query.query(Long.class).list();
    }
}
