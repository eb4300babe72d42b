package org.anquan.platform.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuing units' abbreviations in document numbers (文号; defaults in {@code application.yml}).
 *
 * @param cityAbbreviation         the city safety committee office (e.g. 示安委办)
 * @param countyAbbreviation       a county's safety committee office, {0} being the county's name
 * @param countyBureauAbbreviation a county's emergency-management bureau, which issues rectification orders, {0} being its name
 */
@ConfigurationProperties("anquan.documents")
public record DocumentsProperties(String cityAbbreviation, String countyAbbreviation, String countyBureauAbbreviation) {
}
