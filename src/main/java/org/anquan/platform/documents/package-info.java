@org.springframework.modulith.NamedInterface("documents")
package org.anquan.platform.documents;
