@org.springframework.modulith.NamedInterface("web")
package org.anquan.platform.web;
