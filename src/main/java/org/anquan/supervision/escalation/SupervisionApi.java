package org.anquan.supervision.escalation;

import java.util.Locale;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApi {

    private final SupervisionQueries queries;
    private final EscalationSweep sweep;
    private final Messages messages;

    SupervisionApi(SupervisionQueries queries, EscalationSweep sweep, Messages messages) {
        this.messages = messages;
        this.queries = queries;
        this.sweep = sweep;
    }

    @GetMapping("/steps")
    PageResult<StepRow> steps(@RequestParam(required = false) EscalationLevel level, @RequestParam(required = false) Long countyId,
                              @RequestParam(required = false) Boolean awaiting, @RequestParam(defaultValue = "1") int page,
                              @RequestParam(required = false) Integer size, Locale locale) {
        return queries.page(level, countyId, awaiting, true, CurrentUsers.require().scope(), Math.max(page, 1),
                PageResult.clampSize(size), locale);
    }

    /** Runs the escalation sweep now; 409 while another run holds the lock. */
    @PostMapping("/sweep")
    @RequiresPermission(Permission.SUPERVISION_SWEEP)
    ResponseEntity<?> runSweep() {
        return sweep.run(CurrentUsers.require().username()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> {
                    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                            messages.get("sweep.busy", sweep.busyReason()));
                    problem.setProperty("code", "sweep.busy");
                    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
                });
    }
}
