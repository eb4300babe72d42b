/**
 * Each role's home page: what needs the user today, with the numbers of their scope.
 */
@ApplicationModule(displayName = "Workbench")
package org.anquan.workbench;

import org.springframework.modulith.ApplicationModule;
