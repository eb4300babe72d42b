package org.anquan.directory.responsibility;

import java.util.Locale;

/** A department of the city government with safety duties. */
public record Department(long id, String code, String name, String nameEn, String head, String headPhone,
                         String dutyPhone, int version) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
