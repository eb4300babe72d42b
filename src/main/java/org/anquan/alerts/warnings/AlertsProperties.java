package org.anquan.alerts.warnings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who sends the public warnings (defaults in {@code application.yml}).
 *
 * @param sender     the CAP {@code sender}; a warning's identifier is sender.year.number
 * @param senderName the CAP {@code senderName}, the issuing office as the public reads it
 */
@ConfigurationProperties("anquan.alerts")
record AlertsProperties(String sender, String senderName) {
}
