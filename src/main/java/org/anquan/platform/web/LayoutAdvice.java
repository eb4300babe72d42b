package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the acting user, the language, URL helpers. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("me")
    CurrentUser me() {
        return CurrentUsers.current().orElse(null);
    }

    @ModelAttribute("urls")
    ListUrls urls(HttpServletRequest request) {
        return new ListUrls(request);
    }

    /**
     * Every field's refusal (field → message key) for the field fragments; empty unless a step put
     * them in the flash ({@link Actions}), which this default does not replace.
     */
    @ModelAttribute("fieldErrors")
    Map<String, String> fieldErrors() {
        return Map.of();
    }

    /** What was typed into a refused form (see {@link Actions}); empty otherwise. */
    @ModelAttribute("typed")
    Map<String, String> typed() {
        return Map.of();
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
    }
}
