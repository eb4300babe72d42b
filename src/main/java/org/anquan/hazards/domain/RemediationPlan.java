package org.anquan.hazards.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan a major hazard needs before rectification starts. 五到位: measures, funds, deadline,
 * responsible person and emergency plan must all be in place.
 */
public record RemediationPlan(String measures, BigDecimal funds, LocalDate deadline, String owner, String emergencyPlan) {

    public static final RemediationPlan EMPTY = new RemediationPlan(null, null, null, null, null);

    /** Field → message key for every one of the five that is missing or invalid. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> p = new LinkedHashMap<>();
        if (blank(measures)) p.put("planMeasures", "plan.measures.required");
        if (funds == null || funds.signum() <= 0) p.put("planFunds", "plan.funds.required");
        if (deadline == null) p.put("planDeadline", "plan.deadline.required");
        else if (deadline.isBefore(today)) p.put("planDeadline", "deadline.past");
        if (blank(owner)) p.put("planOwner", "plan.owner.required");
        if (blank(emergencyPlan)) p.put("planEmergency", "plan.emergency.required");
        return p;
    }

    public boolean complete(LocalDate today) {
        return problems(today).isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
