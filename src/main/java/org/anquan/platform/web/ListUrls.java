package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
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
            if (!k.equals(param) && !k.equals("_csrf") && !resetPage) {
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

    /** The current list URL with its filters, for export links. */
    public String as(String path) {
        String q = request.getQueryString();
        return request.getContextPath() + path + (q == null ? "" : "?" + q);
    }
}
