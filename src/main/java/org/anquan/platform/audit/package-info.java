@org.springframework.modulith.NamedInterface("audit")
package org.anquan.platform.audit;
