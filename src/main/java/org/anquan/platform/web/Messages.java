package org.anquan.platform.web;

import java.util.Locale;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Resolves message keys in the current request's language. */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String get(String key, Object... args) {
        return inLocale(key, LocaleContextHolder.getLocale(), args);
    }

    /** In a given language (exports and imports that name their language); the key itself when unknown. */
    public String inLocale(String key, Locale locale, Object... args) {
        return source.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    public String of(BusinessException e) {
        return get(e.messageKey(), e.args());
    }

    /**
     * A refusal in words: a rule's message, or each field's message once, joined; null for any other
     * exception (a fault, not a refusal, which must not be passed off as one).
     */
    public String refusal(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return String.join("；", invalid.fieldErrors().values().stream().distinct().map(this::get).toList());
        }
        return e instanceof BusinessException b ? of(b) : null;
    }
}
