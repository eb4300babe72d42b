@NamedInterface("documents")
package org.anquan.platform.documents;

import org.springframework.modulith.NamedInterface;
