package org.anquan.hazards.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.DateHorizon;
import org.anquan.shared.Inputs;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Dispatches a named action from a page or the API to the service. */
@Component
class HazardActions {

    private final DateHorizon horizon;
    private final HazardService service;

    private final Clock clock;

    HazardActions(HazardService service, DateHorizon horizon, Clock clock) {
        this.clock = clock;
        this.horizon = horizon;
        this.service = service;
    }

    /** Authorization comes before validation: a role without the action learns nothing from its input. */
    void authorize(long id, String action, CurrentUser u) {
        service.authorize(id, HazardService.Action.ofPath(action), u);
    }

    /**
     * A bulk action over hazards chosen on the register, each given as {@code id:version}: the role
     * first, then the input common to all, then the service decides on the whole selection at once.
     */
    int bulk(String action, List<String> selected, HazardActionForm f, CurrentUser u) {
        HazardService.Action a = switch (action) {
            case "assign" -> HazardService.Action.ASSIGN;
            case "reroute" -> HazardService.Action.REROUTE;
            default -> throw new NotFoundException("action", action);
        };
        service.authorizeBulk(a, u);
        Inputs.check(f);
        List<HazardService.Selected> chosen = HazardService.parseSelection(selected);
        if (a == HazardService.Action.ASSIGN) {
            if (f.deadline() == null) {
                throw new InvalidInputException(Map.of("deadline", "bulk.deadline.required"));
            }
            if (f.deadline().isBefore(LocalDate.now(clock))) {
                throw new InvalidInputException(Map.of("deadline", "deadline.past"));
            }
            horizon.check(Map.of("deadline", f.deadline()));
            return service.assignAll(chosen, f.deadline(), f.person(), f.phone(), u);
        }
        if (f.departmentId() == null || f.countyId() == null) {
            throw new InvalidInputException(Map.of("routingReason", "hazard.routing.target.unknown"));
        }
        if (f.reason() == null || f.reason().isBlank()) {
            throw new InvalidInputException(Map.of("routingReason", "hazard.routing.reason.required"));
        }
        return service.rerouteAll(chosen, f.departmentId(), f.countyId(), f.reason(), u);
    }

    Hazard perform(long id, String action, HazardActionForm f, CurrentUser u) {
        authorize(id, action, u);
        Inputs.check(f);
        var dates = new LinkedHashMap<String, LocalDate>();
        dates.put("deadline", f.deadline());
        dates.put("planDeadline", f.planDeadline());
        dates.put("acceptanceDate", f.acceptanceDate());
        dates.put("stopOn", f.stopOn());
        dates.put("reviewOn", f.reviewOn());
        dates.put("workersOn", f.workersOn());
        horizon.check(dates);
        return switch (action) {
            case "verify" -> service.verify(id, f.version(), u);
            case "reject" -> service.reject(id, f.version(), f.reason(), f.duplicateOf(), u);
            case "assign" -> service.assign(id, f.version(), f.deadline(), f.person(), f.phone(), u);
            case "reroute" -> {
                if (f.departmentId() == null || f.countyId() == null) {
                    throw new InvalidInputException(Map.of("routingReason", "hazard.routing.target.unknown"));
                }
                yield service.reroute(id, f.version(), f.departmentId(), f.countyId(), f.reason(), u);
            }
            case "selfclose" -> service.closeBySelf(id, f.version(), f.note(), u);
            case "stop" -> service.orderStop(id, f.version(), f.stopOn(), f.note(), u);
            case "resume" -> service.applyToResume(id, f.version(), f.application(), u);
            case "review" -> service.reviewResumption(id, f.version(), f.reviewOn(), Boolean.TRUE.equals(f.approved()), f.reviewNote(), u);
            case "workers" -> service.reportToWorkers(id, f.version(), f.workersOn(), f.note(), u);
            case "extend" -> service.requestExtension(id, f.version(), f.deadline(), f.reason(), u);
            case "grant" -> service.decideExtension(id, f.version(), true, f.note(), u);
            case "deny" -> service.decideExtension(id, f.version(), false, f.note(), u);
            case "order" -> service.issueOrder(id, f.version(), f.inspectors(), u);
            case "regrade" -> service.regrade(id, f.version(), f.grade(), f.reason(), u);
            case "plan" -> service.savePlan(id, f.version(), new RemediationPlan(f.planMeasures(), f.planFunds(),
                    f.planDeadline(), f.planOwner(), f.planEmergency(), f.planFundsNote()), u);
            case "start" -> service.start(id, f.version(), u);
            case "submit" -> service.submit(id, f.version(), f.note(), u);
            case "accept" -> service.accept(id, f.version(), Boolean.TRUE.equals(f.onSite())
                    ? new Hazard.OnSite(f.acceptanceDate(), f.inspectors(), f.findings()) : null, f.note(), u);
            case "fail" -> service.failAcceptance(id, f.version(), f.reason(), u);
            default -> throw new NotFoundException("action", action);
        };
    }
}
