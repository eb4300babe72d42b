/**
 * Statistics over what other modules publish: accidents by period, county, industry and kind with
 * the change against the same period of the year before, in figures and in the words officials use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
        allowedDependencies = {"shared", "platform::security", "platform::web", "platform::documents", "directory", "hazards"})
package org.anquan.statistics;
