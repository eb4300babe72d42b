package org.anquan.citizen.reports;

import java.util.List;
import org.anquan.platform.security.PublicPaths;
import org.springframework.stereotype.Component;

/** The citizen portal and Open311 answer without an account; Open311 authenticates a POST with its api_key. */
@Component
class CitizenPublicPaths implements PublicPaths {

    @Override
    public List<String> open() {
        return List.of("/report", "/report/**", "/reports", "/reports/**", "/open311/**");
    }

    @Override
    public List<String> withoutSession() {
        return List.of("/open311/**");
    }
}
