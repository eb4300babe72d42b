@org.springframework.modulith.NamedInterface("security")
package org.anquan.platform.security;
