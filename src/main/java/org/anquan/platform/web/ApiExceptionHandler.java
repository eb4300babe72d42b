package org.anquan.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every JSON API error is RFC 9457 problem details with a stable {@code code} and the message in the
 * caller's language: the application's own refusals, and whatever Spring MVC refuses before a
 * controller runs (malformed JSON, a value of the wrong type, a missing parameter, a wrong method).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final Messages messages;
    private final ScopeDenials scopeDenials;

    ApiExceptionHandler(Messages messages, ScopeDenials scopeDenials) {
        this.messages = messages;
        this.scopeDenials = scopeDenials;
    }

    static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }

    @ExceptionHandler(BusinessException.class)
    ProblemDetail business(BusinessException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), messages.of(e));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        scopeDenials.recordIfDenied(e);
        return problem(HttpStatus.NOT_FOUND, "not.found", messages.get("error.404.text"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "conflict", messages.get("error.conflict"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "access.denied", messages.get("error.403.text"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "validation", messages.get("error.validation"));
        Map<String, String> fields = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, key) -> fields.put(field, messages.get(key)));
        p.setProperty("fields", fields);
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // a value that could not even be converted (an unknown grade, an impossible date) is named in words,
        // never with the converter's technical text
        boolean conversion = e.getBindingResult().getFieldErrors().stream().allMatch(fe -> fe.isBindingFailure());
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, conversion ? "request.value" : "validation", messages.get("error.validation"));
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> fields.putIfAbsent(fe.getField(),
                fe.isBindingFailure() ? messages.get("error.request.value", fe.getField()) : fe.getDefaultMessage()));
        p.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(p);
    }

    /** A value in the path or the query of the wrong type, e.g. a grade that does not exist, or a date like 2026-13-01. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "request.value", messages.get("error.request.value", e.getName()));
        p.setProperty("fields", Map.of(e.getName(), messages.get("error.request.value", e.getName())));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "request.unreadable",
                messages.get("error.request.unreadable")));
    }

    /** Everything else Spring MVC refuses: its own status, a code named after it, the message in words. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String key = "error.request." + status.value();
        String detail = messages.get(key);
        ProblemDetail p = problem(status, "request." + status.value(), detail.equals(key) ? messages.get("error.generic.text") : detail);
        return ResponseEntity.status(status).headers(headers).body(p);
    }
}
