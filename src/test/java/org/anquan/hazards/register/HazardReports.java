package org.anquan.hazards.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.anquan.platform.security.CurrentUser;

/**
 * Test fixture: a hazard report with sensible defaults, changed only where a test cares, instead
 * of fifteen positional arguments. {@code HazardReports.atEnterprise(id).major().due(d).input()}.
 */
public record HazardReports(HazardSource source, Long enterpriseId, String place, Double lon, Double lat,
                            String industryCode, String categoryCode, String description, HazardGrade grade,
                            LocalDate deadline, String responsiblePerson, Long overrideDepartmentId, String routingReason) {

    /** Found by a department's inspection at an enterprise: a general hazard. */
    public static HazardReports atEnterprise(long enterpriseId) {
        return new HazardReports(HazardSource.DEPT_INSPECTION, enterpriseId, null, null, null, null, null,
                "储罐区可燃气体报警器失效", HazardGrade.GENERAL, null, null, null, null);
    }

    /** Reported by a citizen at a place, located by a point. */
    public static HazardReports atPlace(String place, double lon, double lat, String industryCode) {
        return new HazardReports(HazardSource.CITIZEN, null, place, lon, lat, industryCode, null, place,
                HazardGrade.GENERAL, null, null, null, null);
    }

    public HazardReports grade(HazardGrade g) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, categoryCode, description, g, deadline,
                responsiblePerson, overrideDepartmentId, routingReason);
    }

    public HazardReports major() {
        return grade(HazardGrade.MAJOR);
    }

    public HazardReports described(String text) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, categoryCode, text, grade, deadline,
                responsiblePerson, overrideDepartmentId, routingReason);
    }

    public HazardReports category(String code) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, code, description, grade, deadline,
                responsiblePerson, overrideDepartmentId, routingReason);
    }

    public HazardReports due(LocalDate d) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, categoryCode, description, grade, d,
                responsiblePerson, overrideDepartmentId, routingReason);
    }

    public HazardReports responsible(String person) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, categoryCode, description, grade, deadline,
                person, overrideDepartmentId, routingReason);
    }

    public HazardReports routedTo(Long department, String reason) {
        return new HazardReports(source, enterpriseId, place, lon, lat, industryCode, categoryCode, description, grade, deadline,
                responsiblePerson, department, reason);
    }

    public HazardInput input() {
        return new HazardInput(source, enterpriseId, place, lon, lat, industryCode, categoryCode, description, grade, deadline,
                responsiblePerson, null, overrideDepartmentId, null, routingReason);
    }

    /** A major hazard's remediation plan (measures, funds, deadline, owner, emergency plan) saved by {@code user}. */
    public static Hazard planned(HazardService hazards, Hazard h, LocalDate deadline, CurrentUser user) {
        return hazards.savePlan(h.getId(), h.getVersion(), new RemediationPlan("停用罐区，更换紧急切断阀", new BigDecimal("80000"),
                deadline, "王强", "液氯泄漏专项预案"), user);
    }
}
