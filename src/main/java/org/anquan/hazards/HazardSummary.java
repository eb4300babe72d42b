package org.anquan.hazards;

import java.time.LocalDate;

/**
 * The counts of a scope's hazards by the work they wait for: to verify (reported), to assign
 * (verified), to start (assigned), being fixed (rectifying), to accept (submitted); and open,
 * overdue and open major ones.
 */
public record HazardSummary(long open, long overdue, long majorOpen, long submitted, long reported, long verified,
                            long assigned, long rectifying) {

    /** The open hazards of one county, major and general. */
    public record CountyOpen(String county, long major, long general) {
    }

    /** One week of the register: hazards found and hazards closed, the week named by its Monday. */
    /** One week of the home page's chart: hazards found and closed in it, and how many were overdue at its end. */
    public record Week(LocalDate monday, long found, long closed, long overdue) {
    }

    /** An open major hazard as a report lists it. */
    public record OpenMajor(String code, String subject, String countyName, LocalDate deadline) {
    }
}
