/**
 * Tiny kernel shared by every module: geometry, paging, clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.anquan.shared;
