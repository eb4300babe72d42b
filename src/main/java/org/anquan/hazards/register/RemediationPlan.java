package org.anquan.hazards.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plan a major hazard needs before rectification starts. 五到位: measures, funds, deadline,
 * responsible person and emergency plan must all be in place; funds of zero come with the reason.
 */
record RemediationPlan(String measures, BigDecimal funds, LocalDate deadline, String owner, String emergencyPlan,
                              String fundsNote) {

    public static final RemediationPlan EMPTY = new RemediationPlan(null, null, null, null, null, null);

    /** A plan whose funds need no explanation (above zero). */
    public RemediationPlan(String measures, BigDecimal funds, LocalDate deadline, String owner, String emergencyPlan) {
        this(measures, funds, deadline, owner, emergencyPlan, null);
    }

    /** Field → message key for every one of the five that is missing or invalid. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> p = new LinkedHashMap<>();
        if (blank(measures)) p.put("planMeasures", "plan.measures.required");
        // measures that cost nothing (closing a door, a rule) are possible: zero funds then say why
        if (funds == null || funds.signum() < 0) p.put("planFunds", "plan.funds.required");
        else if (funds.signum() == 0 && blank(fundsNote)) p.put("planFundsNote", "plan.funds.zero.reason");
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
