-- What each person last chose on a list: its filters and order (as the list's own query string) and
-- the columns hidden on a wide list. Restored when the person opens the list again, on any device.
CREATE TABLE list_preference (
    account_id     BIGINT        NOT NULL,
    list_key       VARCHAR(40)   NOT NULL,
    query          VARCHAR(1000) NOT NULL DEFAULT '',
    hidden_columns VARCHAR(300)  NOT NULL DEFAULT '',
    CONSTRAINT pk_list_preference PRIMARY KEY (account_id, list_key),
    CONSTRAINT fk_list_preference_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
);
