package org.anquan.platform.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret keys of the audit chain, kept outside the database: from {@code anquan.audit.keys}
 * ({@code id:base64,id:base64}, the last one current) or from the key file
 * ({@code anquan.audit.key-file}, one {@code id:base64} a line, the last one current; created with a
 * new random key when missing). Rotation: add a line with a new id and restart; records keep the id
 * of the key that sealed them, so older ones still verify as long as their key stays listed.
 */
@Component
public class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);
    private static final String HMAC = "HmacSHA256";

    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final String current;

    AuditKeys(@Value("${anquan.audit.keys}") String inline, @Value("${anquan.audit.key-file}") Path file) {
        String source = inline.isBlank() ? readOrCreate(file) : inline.replace(',', '\n');
        String last = null;
        for (String line : source.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("anquan.audit keys: each entry is id:base64-key, found '" + l.substring(0, Math.min(l.length(), 8)) + "…'");
            }
            byte[] secret = Base64.getDecoder().decode(l.substring(colon + 1).strip());
            if (secret.length < 32) {
                throw new IllegalStateException("anquan.audit keys: key " + l.substring(0, colon) + " is shorter than 32 bytes");
            }
            last = l.substring(0, colon);
            keys.put(last, secret);
        }
        if (last == null) {
            throw new IllegalStateException("anquan.audit keys: no key configured");
        }
        current = last;
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, "# audit chain keys: id:base64, the last line is current; back this file up apart from the database\n"
                        + "k1:" + Base64.getEncoder().encodeToString(secret) + "\n");
                log.warn("Created the audit chain key file {}: keep a copy apart from the database backups", file.toAbsolutePath());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("anquan.audit.key-file " + file + " cannot be read or created", e);
        }
    }

    public String currentId() {
        return current;
    }

    /** The HMAC-SHA256 of the text under the key of that id; empty when the id is not (or no longer) configured. */
    public Optional<String> seal(String keyId, String text) {
        byte[] secret = keys.get(keyId);
        if (secret == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return Optional.of(HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
