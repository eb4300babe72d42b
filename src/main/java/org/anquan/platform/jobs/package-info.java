@org.springframework.modulith.NamedInterface("jobs")
package org.anquan.platform.jobs;
