package org.anquan.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API documentation's title and version, as the Swagger page shows them, and the way back to
 * the workbench (the page is the library's own, outside the shell: its description carries the link).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI anquanApi() {
        return new OpenAPI().info(new Info()
                .title("安全生产监管平台 API · Anquan work-safety supervision API")
                .version("v1")
                .description("[← 返回工作台 · Back to the workbench](/) · [接口令牌 · API tokens](/admin/tokens)\n\n"
                        + "Bearer 令牌或登录会话；错误均为 RFC 9457 问题详情，含稳定的 code 字段。"
                        + " Bearer token or signed-in session; every error is RFC 9457 problem details with a stable code."));
    }
}
