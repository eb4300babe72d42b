package org.anquan.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals the security filters answer before any controller runs (no login, no permission), as
 * RFC 9457 problem details for the API in the caller's language; pages keep their own answers.
 */
class ApiProblems {

    private final MessageSource messages;
    private final JsonMapper json;

    ApiProblems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    static boolean isApi(HttpServletRequest req) {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    void write(HttpServletRequest req, HttpServletResponse res, HttpStatus status, String code, String messageKey)
            throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.getMessage(messageKey, null, messageKey, req.getLocale()));
        p.setProperty("code", code);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(json.writeValueAsString(p));
    }

    /** 403: problem details for the API, the application's 403 page otherwise. */
    AccessDeniedHandler accessDenied() {
        AccessDeniedHandler page = new AccessDeniedHandlerImpl();
        return (req, res, e) -> {
            if (isApi(req)) {
                write(req, res, HttpStatus.FORBIDDEN, "access.denied", "error.403.text");
            } else {
                page.handle(req, res, e);
            }
        };
    }
}
