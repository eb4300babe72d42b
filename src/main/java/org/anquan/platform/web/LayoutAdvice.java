package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
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

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "zh-CN";
    }
}
