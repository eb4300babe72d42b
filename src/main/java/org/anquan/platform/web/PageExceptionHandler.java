package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Page errors rendered in the user's language: a missing or out-of-scope record is 404, a broken
 * rule or an edit conflict shows the reason. Stack traces never reach the user.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Messages messages;
    private final ScopeDenials scopeDenials;

    PageExceptionHandler(Messages messages, ScopeDenials scopeDenials) {
        this.messages = messages;
        this.scopeDenials = scopeDenials;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, HttpServletResponse response) {
        scopeDenials.recordIfDenied(e);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "error/404";
    }

    @ExceptionHandler(BusinessException.class)
    String business(BusinessException e, Model model, HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("reason", messages.of(e));
        return "error/rule";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String conflict(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("reason", messages.get("error.conflict"));
        return "error/rule";
    }

    /** Input a page should have checked and did not: the first field's message, 400, never a 500. */
    @ExceptionHandler(InvalidInputException.class)
    String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("reason", e.fieldErrors().values().stream().findFirst().map(messages::get)
                .orElseGet(() -> messages.get("error.validation")));
        return "error/rule";
    }
}
