package org.anquan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload larger than the request limit is answered before anything reads it, so no part of
 * the application parses a body it will refuse: the API gets 413 problem details; a browser is sent
 * to the page that says so ({@link #PAGE}), instead of a container page or a stack trace in the log.
 */
class UploadLimitFilter extends OncePerRequestFilter {

    static final String PAGE = "/upload-too-large";

    private final long limit;
    private final Messages messages;
    private final JsonMapper json;

    UploadLimitFilter(DataSize limit, Messages messages, JsonMapper json) {
        this.limit = limit.toBytes();
        this.messages = messages;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= limit) {
            chain.doFilter(request, response);
            return;
        }
        // the client may still be sending: do not keep the connection for the rest of it
        response.setHeader("Connection", "close");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    messages.inLocale("error.413.text", request.getLocale()));
            problem.setProperty("code", "upload.too.large");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + PAGE);
        }
    }
}
