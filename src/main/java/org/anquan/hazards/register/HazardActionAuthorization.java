package org.anquan.hazards.register;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.anquan.platform.security.CurrentUsers;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A lifecycle action's permission depends on the action the URL names: checked before the form or
 * the JSON body is read, so a role without it gets 403 whatever it sent.
 */
@Configuration(proxyBeanMethods = false)
class HazardActionAuthorization implements HandlerInterceptor, WebMvcConfigurer {

    private final HazardActions actions;

    HazardActionAuthorization(HazardActions actions) {
        this.actions = actions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if ("POST".equals(request.getMethod()) && vars != null && vars.containsKey("action") && vars.containsKey("id")) {
            actions.authorize(Long.parseLong(vars.get("id")), vars.get("action"), CurrentUsers.require());
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/hazards/*/*", "/api/v1/hazards/*/actions/*");
    }
}
