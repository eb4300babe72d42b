package org.anquan.directory.enterprises;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.anquan.directory.Responsibility;
import org.anquan.directory.common.ReferenceData;
import org.anquan.directory.responsibility.Department;
import org.anquan.directory.responsibility.Industry;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory in the JSON API, with the same roles and data scope as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "directory", description = "Regions, departments, responsibility matrix, enterprises")
class DirectoryApi {

    private final ReferenceData reference;
    private final ResponsibilityMatrix matrix;
    private final EnterpriseQueries queries;
    private final Enterprises enterprises;

    DirectoryApi(ReferenceData reference, ResponsibilityMatrix matrix, EnterpriseQueries queries, Enterprises enterprises) {
        this.reference = reference;
        this.matrix = matrix;
        this.queries = queries;
        this.enterprises = enterprises;
    }

    record RegionView(long id, Long parentId, String code, String name, String level, String partyHead, String govHead) {
    }

    record EnterpriseView(long id, String name, String creditCode, String industryCode, long regionId, String address,
                          Double lon, Double lat, String scale, String status, String principalName,
                          String principalPhone, String safetyManagerName, String safetyManagerPhone,
                          boolean outsideRegion, int version, List<?> licences) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.getId(), e.getName(), e.getCreditCode(), e.getIndustryCode(), e.getRegionId(),
                    e.getAddress(), e.getLon(), e.getLat(), e.getScale().name(), e.getStatus().name(),
                    e.getPrincipalName(), e.getPrincipalPhone(), e.getSafetyManagerName(), e.getSafetyManagerPhone(),
                    e.isOutsideRegion(), e.getVersion(), e.getLicences());
        }
    }

    record SaveResult(long id, List<String> warnings) {
    }

    @GetMapping("/me")
    @Operation(summary = "The calling account, its role and data scope")
    CurrentUser me() {
        return CurrentUsers.require();
    }

    @GetMapping("/regions")
    @Operation(summary = "Regions within the caller's scope")
    List<RegionView> regions() {
        return reference.regions(CurrentUsers.require()).stream()
                .map(r -> new RegionView(r.id(), r.parentId(), r.code(), r.name(), r.level().name(), r.partyHead(), r.govHead()))
                .toList();
    }

    @GetMapping("/industries")
    List<Industry> industries() {
        return matrix.industries();
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return matrix.departments();
    }

    @GetMapping("/responsibility/{industry}")
    @Operation(summary = "Lead and co-supervising departments of an industry")
    Responsibility responsibility(@PathVariable String industry) {
        if (matrix.industry(industry).isEmpty()) {
            throw new NotFoundException("industry", industry);
        }
        return matrix.lookup(industry);
    }

    @GetMapping("/enterprises")
    @Operation(summary = "Enterprises within the caller's scope, filtered and paged")
    PageResult<EnterpriseRow> enterprises(@ModelAttribute EnterpriseFilter filter, @RequestParam(defaultValue = "1") int page,
                                          @RequestParam(required = false) Integer size, Locale locale) {
        return queries.page(filter, CurrentUsers.require().scope(), Math.max(page, 1), PageResult.clampSize(size), locale);
    }

    @GetMapping("/enterprises/{id}")
    EnterpriseView enterprise(@PathVariable long id) {
        return EnterpriseView.of(enterprises.get(id, CurrentUsers.require()));
    }

    @PostMapping("/enterprises")
    @RequiresPermission(Permission.ENTERPRISE_EDIT)
    ResponseEntity<SaveResult> create(@RequestBody EnterpriseInput input) {
        Enterprises.Saved saved = enterprises.create(input, CurrentUsers.require());
        return ResponseEntity.created(URI.create("/api/v1/enterprises/" + saved.id()))
                .body(new SaveResult(saved.id(), saved.warningKeys()));
    }

    @PutMapping("/enterprises/{id}")
    @RequiresPermission(Permission.ENTERPRISE_EDIT)
    SaveResult update(@PathVariable long id, @RequestBody EnterpriseInput input) {
        Enterprises.Saved saved = enterprises.update(id, input, CurrentUsers.require());
        return new SaveResult(saved.id(), saved.warningKeys());
    }
}
