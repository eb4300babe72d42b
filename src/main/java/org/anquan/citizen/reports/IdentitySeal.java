package org.anquan.citizen.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a reporter's name and phone at rest with AES-256-GCM. The keys come from
 * {@code anquan.citizen.identity-keys} ({@code id:base64,id:base64}, the last one current; env
 * {@code ANQUAN_CITIZEN_IDENTITY_KEYS}) or from the key file {@code anquan.citizen.identity-key-file}
 * (one {@code id:base64} a line, the last one current; created with a random key when missing). A
 * sealed value starts with its key's id, so after a new key is added the older ones still open, and
 * {@link IdentityRotation} moves every value to the current key at start.
 */
@Component
class IdentitySeal {

    private static final int IV_BYTES = 12;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String current;
    private final SecureRandom random = new SecureRandom();

    IdentitySeal(@Value("${anquan.citizen.identity-keys}") String inline,
                 @Value("${anquan.citizen.identity-key-file}") Path file) {
        String source = inline.isBlank() ? readOrCreate(file) : inline.replace(',', '\n');
        String last = null;
        for (String line : source.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0 || !l.substring(0, colon).matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalStateException("anquan.citizen identity keys: each entry is id:base64-key (id of letters and digits)");
            }
            byte[] secret = Base64.getDecoder().decode(l.substring(colon + 1).strip());
            if (secret.length != 32) {
                throw new IllegalStateException("anquan.citizen identity keys: key " + l.substring(0, colon) + " must be 32 bytes");
            }
            last = l.substring(0, colon);
            keys.put(last, new SecretKeySpec(secret, "AES"));
        }
        if (last == null) {
            throw new IllegalStateException("anquan.citizen identity keys: no key configured");
        }
        current = last;
    }

    private String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            String line = "k1:" + Base64.getEncoder().encodeToString(key) + "\n";
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.US_ASCII);
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the identity key file " + file, e);
        }
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return current;
    }

    /** {@code keyId:base64(iv + ciphertext + tag)}; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, iv));
            c.updateAAD(current.getBytes(StandardCharsets.US_ASCII));
            byte[] body = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, all, 0, iv.length);
            System.arraycopy(body, 0, all, iv.length, body.length);
            return current + ":" + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal", e);
        }
    }

    /** The plain text of a sealed value; refuses a value whose key is no longer configured or that was altered. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        SecretKeySpec key = colon > 0 ? keys.get(sealed.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("identity sealed with a key that is not configured: "
                    + (colon > 0 ? sealed.substring(0, colon) : "?"));
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            c.updateAAD(sealed.substring(0, colon).getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed identity does not open: it was altered", e);
        }
    }

    /** Whether the value is sealed with an older key than the current one. */
    public boolean stale(String sealed) {
        return sealed != null && !sealed.startsWith(current + ":");
    }
}
