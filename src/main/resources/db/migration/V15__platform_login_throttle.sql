-- Failed sign-ins counted per typed user name and client address together: a guesser is slowed
-- down step by step on its own address, while the account's owner signs in from anywhere else.
-- Unknown and known user names are counted alike.
CREATE TABLE login_throttle (
    user_key      VARCHAR(64)  NOT NULL,
    client_key    VARCHAR(100) NOT NULL,
    failures      INT          NOT NULL,
    blocked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_throttle PRIMARY KEY (user_key, client_key)
);
