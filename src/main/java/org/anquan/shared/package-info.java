/**
 * Tiny kernel shared by every module: geometry, paging, clock.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.anquan.shared;

import org.springframework.modulith.ApplicationModule;
