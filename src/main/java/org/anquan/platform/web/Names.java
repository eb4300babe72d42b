package org.anquan.platform.web;

import org.anquan.platform.security.Accounts;
import org.springframework.stereotype.Component;

/**
 * What a person reads instead of internal names, for templates ({@code ${@names.person(x)}}):
 * people by their display name, "the system" for jobs, the server's own address in words.
 */
@Component("names")
public class Names {

    private final Accounts accounts;
    private final Messages messages;

    Names(Accounts accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The display name of the account with this user name; what was typed, for a name no account has (a failed login). */
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        if ("system".equals(username) || "demo".equals(username)) {
            return messages.get("names.system");
        }
        return accounts.findByUsername(username).map(a -> a.displayName()).orElse(username);
    }

    /** A client address, with this machine's own in words. */
    public String address(String address) {
        if (address == null) {
            return "";
        }
        return switch (address) {
            case "127.0.0.1", "0:0:0:0:0:0:0:1", "::1" -> messages.get("names.this.machine");
            default -> address;
        };
    }

    /** The kind of record an audit entry is about, in words; the stored code where no words exist yet. */
    public String record(String entityType) {
        return entityType == null ? "" : messages.get("audit.entity." + entityType).replace("audit.entity.", "");
    }
}
