@NamedInterface("web")
package org.anquan.platform.web;

import org.springframework.modulith.NamedInterface;
