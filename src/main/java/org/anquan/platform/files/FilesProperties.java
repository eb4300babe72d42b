package org.anquan.platform.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param backgroundRows an export of more rows is made in the background (defaults in {@code application.yml}) */
@ConfigurationProperties("anquan.files")
public record FilesProperties(long backgroundRows) {
}
