@NamedInterface("files")
package org.anquan.platform.files;

import org.springframework.modulith.NamedInterface;
