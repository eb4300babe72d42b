package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds URLs of the current list that keep every filter and change one parameter, so pages,
 * sorting and page size stay bookmarkable. Exposed to templates as {@code urls}.
 */
public final class ListUrls {

    private final HttpServletRequest request;

    ListUrls(HttpServletRequest request) {
        this.request = request;
    }

    public String with(String param, Object value) {
        var b = UriComponentsBuilder.fromPath(request.getRequestURI().substring(request.getContextPath().length()));
        request.getParameterMap().forEach((k, v) -> {
            boolean resetPage = k.equals("page") && !param.equals("page");
            // "forget" clears what a list remembers once; the list's own links do not repeat it
            if (!k.equals(param) && !k.equals("_csrf") && !k.equals("forget") && !resetPage) {
                for (String s : v) {
                    if (s != null && !s.isEmpty()) {
                        b.queryParam(k, s);
                    }
                }
            }
        });
        b.queryParam(param, value);
        return request.getContextPath() + b.encode().build().toUriString();
    }

    /**
     * Where a form posted from a list returns: the list at {@code path} with those of the query's
     * parameters that the list names, and nothing else from the form (no other address, no other parameter).
     */
    public static String returnTo(String path, String query, Collection<String> params) {
        var list = UriComponentsBuilder.fromPath(path);
        UriComponentsBuilder.fromUriString(path + "?" + (query == null ? "" : query)).build().getQueryParams().forEach((k, v) -> {
            if (params.contains(k)) {
                v.stream().filter(x -> x != null && !x.isBlank()).forEach(x -> list.queryParam(k, x));
            }
        });
        return list.build().toUriString();
    }

    /** The current list URL with its filters, for export links. */
    public String as(String path) {
        String q = request.getQueryString();
        return request.getContextPath() + path + (q == null ? "" : "?" + q);
    }
}
