package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
/** Pages of the shell that belong to no module: the login, and the refusal of an oversized upload. */
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where a browser lands after an upload over the limit (see {@link UploadLimitFilter}). */
    @GetMapping(UploadLimitFilter.PAGE)
    String uploadTooLarge(HttpServletResponse response) {
        response.setStatus(413);
        return "error/413";
    }
}
