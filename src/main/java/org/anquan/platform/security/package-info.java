@NamedInterface("security")
package org.anquan.platform.security;

import org.springframework.modulith.NamedInterface;
