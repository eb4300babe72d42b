@NamedInterface("audit")
package org.anquan.platform.audit;

import org.springframework.modulith.NamedInterface;
