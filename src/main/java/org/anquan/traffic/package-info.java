/**
 * Road and water traffic safety. So far: the judgment of a weigh-in-motion reading against the Order 62
 * limits (gross mass by configuration, the single-tyre and single-drive-axle rules, the axle-load sum, the
 * size limits), with the limits held as data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Traffic",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "directory", "hazards"})
package org.anquan.traffic;
