@org.springframework.modulith.NamedInterface("files")
package org.anquan.platform.files;
