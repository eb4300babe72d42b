/**
 * Road and water traffic safety. Weigh-in-motion stations send readings (JSON API with a token per station,
 * CSV upload, MQTT); each is judged against the Order 62 limits held as data and stored with its judgment
 * (monthly partitions on PostgreSQL). An over-limit reading opens a 一超四究 case tracing the driver, the
 * owner or transport company, the loading unit and the regulator, each notified and answering by a deadline
 * on a ladder; Art. 66 repeat offences raise credit actions; loading units are ranked by their share of
 * over-limit departures and can be given hazards through the hazards facade.
 */
@ApplicationModule(displayName = "Traffic",
        allowedDependencies = {"shared", "platform::security", "platform::audit", "platform::web", "platform::files", "platform::documents",
                "platform::jobs", "directory", "hazards", "accidents"})
package org.anquan.traffic;

import org.springframework.modulith.ApplicationModule;
