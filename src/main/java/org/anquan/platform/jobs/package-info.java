@NamedInterface("jobs")
package org.anquan.platform.jobs;

import org.springframework.modulith.NamedInterface;
