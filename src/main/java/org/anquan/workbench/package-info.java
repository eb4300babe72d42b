/**
 * Each role's home page: what needs the user today, with the numbers of their scope.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workbench")
package org.anquan.workbench;
