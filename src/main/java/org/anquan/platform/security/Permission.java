package org.anquan.platform.security;

/**
 * What an account may do. Reading needs no permission: every role reads what its data scope
 * holds. Which roles hold which permission is the one table in {@link AccessPolicy}; code checks
 * a permission ({@link CurrentUser#may}, {@link CurrentUser#require}, {@code hasAuthority} with its name),
 * never a role.
 */
public enum Permission {
    /** Register, edit and import enterprises in scope. */
    ENTERPRISE_EDIT,
    /** Regions' responsible persons and the responsibility matrix. */
    DIRECTORY_ADMIN,
    /** Accounts: create, edit, disable, reset passwords. */
    ACCOUNT_ADMIN,
    /** API tokens: issue and revoke. */
    TOKEN_ADMIN,
    /** Read and verify the audit trail. */
    AUDIT_READ,
    /** Metrics for Prometheus. */
    METRICS_READ,
    /** Report a hazard (an enterprise user for its own enterprise only). */
    HAZARD_REPORT,
    /** Route a hazard elsewhere than the matrix says, with a reason: at report time or later (改派). */
    HAZARD_ROUTE,
    /** Verify a reported hazard, or reject it (不予受理). */
    HAZARD_VERIFY,
    /** Assign a verified hazard with its deadline and responsible person (交办). */
    HAZARD_ASSIGN,
    /** Keep the plan, start rectification, add evidence, submit for acceptance. */
    HAZARD_RECTIFY,
    /** Accept and close (验收销号), or send back. */
    HAZARD_ACCEPT,
    /** Reopen a closed hazard after a failed re-inspection. */
    HAZARD_REOPEN,
    /** Change a hazard's grade with a reason (the verifying department, or the listing office). */
    HAZARD_REGRADE,
    /** Keep the major-hazard judgment standards: add, correct, retire and import situations. */
    STANDARD_EDIT,
    /** Import inspection findings from Excel. */
    HAZARD_IMPORT,
    /** Record institutional measures. */
    MEASURE_EDIT,
    /** File the enterprise's quarterly statistics. */
    QUARTERLY_FILE,
    /** Run the escalation sweep by hand. */
    SUPERVISION_SWEEP,
    /** Answer a supervision notice. */
    SUPERVISION_ANSWER,
    /** Record the outcome of a supervision step (interview held, case transferred). */
    SUPERVISION_OUTCOME,
    /** Put a major hazard under listed supervision (挂牌督办) and delist it after on-site acceptance: the city and county offices. */
    HAZARD_LIST,
    /** Draw the monthly re-inspection sample (回头看). */
    REINSPECTION_DRAW,
    /** Record a re-inspection result. */
    REINSPECTION_RECORD,
    /** Report an accident (事故快报): the unit for itself, officials and the duty office for their scope. */
    ACCIDENT_REPORT,
    /** Record the four gates of 四不放过 and close an accident: the investigating city and county offices. */
    ACCIDENT_CLOSE,
    /** Confirm or dismiss an enterprise's candidacy for the serious-dishonesty list (MEM Order 11): the city office. */
    CREDIT_DECIDE,
    /** Enter or import the motor vehicles and drivers of a county for a year: the city and county offices. */
    STATISTICS_ENTER,
    /** Handle citizen reports in scope: moderate, merge duplicates, turn one into a hazard or a crackdown clue, reply and note. */
    CITIZEN_HANDLE,
    /** See the confidential reporter of a tip (举报), each time audited, and propose, approve (a second person) and pay rewards: the city office. */
    TIP_HANDLE,
    /** Keep the fire-weather stations, import their observations, set fire seasons: the city office and its duty officers. */
    FIRE_DATA,
    /** Acknowledge (签收) a fire-danger warning addressed to the user's county or department. */
    FIRE_ACK,
    /** Draft, submit, update and cancel public warnings (CAP): the city office and its duty officers. */
    ALERT_AUTHOR,
    /** Approve and so publish a public warning another person drafted: the city office. */
    ALERT_APPROVE,
    /** Keep the duty rosters of the units in scope: build, publish, check in, hand over, swap, send the daily zero-report. */
    DUTY_MANAGE,
    /** Draw units at random and record the spot-check calls (值班抽查): the city duty office. */
    DUTY_SPOT_CHECK,
    /** Keep rescue teams, warehouses, supplies and drills (a county officer those of its county). */
    RESOURCE_EDIT,
    /** Register weigh-in-motion stations and issue their intake tokens, send and upload readings: the city office. */
    TRAFFIC_INTAKE,
    /** Work the 一超四究 cases of the scope (identify the four parties, send the notices, record their feedback) and keep the loading units. */
    TRAFFIC_CASE,
    /** Read and mark the unit's inbox (督办消息). */
    INBOX_USE;

    public String authority() {
        return name();
    }
}
