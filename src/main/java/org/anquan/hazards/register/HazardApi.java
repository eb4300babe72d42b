package org.anquan.hazards.register;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hazard register and lifecycle in the JSON API, with the roles and scope of the pages. */
@RestController
@RequestMapping("/api/v1/hazards")
@Tag(name = "hazards", description = "Hidden-hazard register and lifecycle")
class HazardApi {

    private final HazardService service;
    private final HazardQueries queries;
    private final HazardActions actions;
    private final Clock clock;

    HazardApi(HazardService service, HazardQueries queries, HazardActions actions, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.actions = actions;
        this.clock = clock;
    }

    record HazardView(long id, String code, String source, Long enterpriseId, String place, Double lon, Double lat,
                      String industryCode, String categoryCode, String description, String grade, String status,
                      long departmentId, long countyId, String routingOverride, LocalDate deadline,
                      String responsiblePerson, RemediationPlan plan, int version, List<HazardEvent> history) {
        static HazardView of(Hazard h) {
            return new HazardView(h.getId(), h.getCode(), h.getSource().name(), h.getEnterpriseId(), h.getPlace(), h.getLon(),
                    h.getLat(), h.getIndustryCode(), h.getCategoryCode(), h.getDescription(), h.getGrade().name(),
                    h.getStatus().name(), h.getDepartmentId(), h.getCountyId(), h.getRoutingOverride(), h.getDeadline(),
                    h.getResponsiblePerson(), h.plan(), h.getVersion(), h.getEvents());
        }
    }

    @GetMapping
    @Operation(summary = "The register within the caller's scope, filtered and paged")
    PageResult<HazardRow> list(@ModelAttribute HazardFilter filter, @RequestParam(defaultValue = "1") int page,
                               @RequestParam(required = false) Integer size, Locale locale) {
        return queries.page(filter, CurrentUsers.require().scope(), LocalDate.now(clock), Math.max(page, 1),
                PageResult.clampSize(size), locale);
    }

    @GetMapping("/{id}")
    HazardView get(@PathVariable long id) {
        return HazardView.of(service.get(id, CurrentUsers.require()));
    }

    @PostMapping
    @RequiresPermission(Permission.HAZARD_REPORT)
    @Operation(summary = "Report a hazard; it is routed to the responsible department and county")
    ResponseEntity<HazardView> report(@RequestBody HazardInput input) {
        Hazard h = service.report(input, CurrentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/hazards/" + h.getId())).body(HazardView.of(h));
    }

    @PostMapping("/{id}/actions/{action:verify|reject|assign|reroute|regrade|order|extend|grant|deny|stop|resume|review|workers|selfclose|plan|start|submit|accept|fail}")
    @Operation(summary = "Take a lifecycle action; send the version you read (409 when it changed)")
    HazardView act(@PathVariable long id, @PathVariable String action, @RequestBody HazardActionForm form) {
        return HazardView.of(actions.perform(id, action, form, CurrentUsers.require()));
    }
}
