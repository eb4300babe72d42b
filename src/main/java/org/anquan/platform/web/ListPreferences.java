package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.*;
import org.anquan.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What each person last chose on a list: the filters and order (kept as the list's query string,
 * only the parameters the list names) and the columns hidden on a wide list. A list opened with no
 * query at all offers the remembered one (the page moves there itself); opened with any of its
 * parameters, it remembers them; {@code ?forget} clears them.
 */
@Component
public class ListPreferences {

    static final int MAX_QUERY = 1000;

    private final JdbcClient jdbc;

    ListPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's view of one list: what to offer to restore, and which columns are hidden. */
    public record View(String remembered, Set<String> hidden) {
        public boolean shows(String column) {
            return !hidden.contains(column);
        }
    }

    /**
     * Remembers or offers the list's filters for this request and puts the view in the model as
     * {@code view}. {@code params} are the parameters that make up the list's filters and order.
     */
    public View apply(long accountId, String list, HttpServletRequest request, Collection<String> params, Model model) {
        String[] stored = jdbc.sql("SELECT query, hidden_columns FROM list_preference WHERE account_id = :a AND list_key = :l")
                .param("a", accountId).param("l", list).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional().orElse(new String[] {"", ""});
        String remembered = "";
        String chosen = null;
        if (request.getParameter("forget") != null) {
            chosen = "";
        } else if (params.stream().anyMatch(p -> request.getParameter(p) != null)) {
            chosen = queryOf(request, params);
        } else if (request.getQueryString() == null) {
            remembered = stored[0];
        }
        // paging through a list changes nothing to remember: only a new choice is written
        if (chosen != null && !chosen.equals(stored[0])) {
            save(accountId, list, "query", chosen);
        }
        View view = new View(remembered, split(stored[1]));
        model.addAttribute("view", view);
        return view;
    }

    /**
     * The columns the person chose to show on a list's column chooser; the list's other optional
     * columns are hidden until chosen again. A request that is not the chooser's ({@code chooser}
     * absent) is refused: with no box ticked it would hide every column.
     */
    public void chooseColumns(long accountId, String list, String chooser, Collection<String> shown, Collection<String> optional) {
        if (chooser == null) {
            throw new InvalidInputException(Map.of("shown", "columns.not.chosen"));
        }
        List<String> hidden = optional.stream().filter(c -> shown == null || !shown.contains(c)).sorted().toList();
        save(accountId, list, "hidden_columns", String.join(",", hidden));
    }

    /** The request's own values of the list's parameters, as a query string; empty values are left out. */
    static String queryOf(HttpServletRequest request, Collection<String> params) {
        var b = UriComponentsBuilder.newInstance();
        for (String p : params) {
            String[] values = request.getParameterValues(p);
            if (values != null) {
                Arrays.stream(values).filter(v -> v != null && !v.isBlank()).forEach(v -> b.queryParam(p, v));
            }
        }
        String q = b.encode().build().getQuery();
        return q == null || q.length() > MAX_QUERY ? "" : q;
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(s.split(",")));
    }

    private void save(long accountId, String list, String column, String value) {
        if (jdbc.sql("UPDATE list_preference SET " + column + " = :v WHERE account_id = :a AND list_key = :l")
                .param("v", value).param("a", accountId).param("l", list).update() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO list_preference (account_id, list_key, " + column + ") VALUES (:a, :l, :v)")
                    .param("a", accountId).param("l", list).param("v", value).update();
        } catch (DuplicateKeyException raced) {
            jdbc.sql("UPDATE list_preference SET " + column + " = :v WHERE account_id = :a AND list_key = :l")
                    .param("v", value).param("a", accountId).param("l", list).update();
        }
    }
}
