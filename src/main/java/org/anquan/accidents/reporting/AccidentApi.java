package org.anquan.accidents.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accidents in the JSON API, with the roles and scope of the pages. */
@RestController
@RequestMapping("/api/v1/accidents")
@Tag(name = "accidents", description = "Accident reports (事故快报), graded by Order 493")
class AccidentApi {

    private final AccidentService service;

    AccidentApi(AccidentService service) {
        this.service = service;
    }

    record KindView(String code, String name, String category) {
    }

    @GetMapping("/kinds")
    @Operation(summary = "The codes the kind of an accident takes, with their Chinese names")
    List<KindView> kinds() {
        return service.kinds().stream().map(k -> new KindView(k.code(), k.nameZh(), k.category())).toList();
    }

    @GetMapping
    @Operation(summary = "Accidents within the caller's scope, newest first, filtered and paged")
    PageResult<AccidentService.AccidentView> list(@RequestParam(required = false) Long countyId,
                                                  @RequestParam(required = false) AccidentGrade grade,
                                                  @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                                                  @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Integer size) {
        return service.page(new AccidentService.Filter(countyId, grade, kind, year), CurrentUsers.require().scope(), Math.max(page, 1),
                PageResult.clampSize(size));
    }

    @GetMapping("/{id}")
    AccidentService.AccidentView get(@PathVariable long id) {
        return service.get(id, CurrentUsers.require());
    }

    @PostMapping("/{id}/supplements")
    @RequiresPermission(Permission.ACCIDENT_REPORT)
    @Operation(summary = "A supplementary report (补报/续报): casualties and loss as now known; the grade follows")
    AccidentService.AccidentView supplement(@PathVariable long id, @RequestBody AccidentService.Supplement supplement) {
        return service.supplement(id, supplement, CurrentUsers.require());
    }

    @PostMapping
    @RequiresPermission(Permission.ACCIDENT_REPORT)
    @Operation(summary = "Report an accident; its grade is computed from deaths (with missing), serious injuries and direct loss")
    ResponseEntity<AccidentService.AccidentView> report(@RequestBody AccidentInput input) {
        var a = service.report(input, CurrentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/accidents/" + a.id())).body(a);
    }
}
