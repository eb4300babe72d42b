package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller at all (an unknown address, a method an address does not
 * take): problem details for the API like every other API error; the usual error pages otherwise.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class UnroutedApiRequests {

    private final Messages messages;

    UnroutedApiRequests(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                                              HttpServletResponse response) throws IOException {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> nothingThere(NoResourceFoundException e, HttpServletRequest request,
                                               HttpServletResponse response) throws IOException {
        return answer(HttpStatus.NOT_FOUND, request, response);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            response.sendError(status.value());
            return null;
        }
        return ResponseEntity.status(status).body(ApiExceptionHandler.problem(status, "request." + status.value(),
                messages.get("error.request." + status.value())));
    }
}
