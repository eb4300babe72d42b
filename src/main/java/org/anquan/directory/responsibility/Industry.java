package org.anquan.directory.responsibility;

import java.util.Locale;

/** An industry as held in the reference table. */
public record Industry(String code, String nameZh, String nameEn, boolean mining) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
