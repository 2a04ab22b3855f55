-- The notification outbox: one row per message to one person, written in the transaction of the
-- engine change that causes it, shown under Notifications and sent by e-mail by the sender.
CREATE TABLE spinout_notification (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    recipient           VARCHAR(64)   NOT NULL,
    kind                VARCHAR(32)   NOT NULL,
    subject             VARCHAR(500)  NOT NULL,
    programme_reference VARCHAR(64),
    programme_name      VARCHAR(500),
    task_id             VARCHAR(64),
    task_name           VARCHAR(500),
    due_at              TIMESTAMP,
    detail              VARCHAR(4000),
    link                VARCHAR(1000),
    created_at          TIMESTAMP     NOT NULL,
    read_at             TIMESTAMP,
    -- IMMEDIATE, DIGEST or NONE, from the recipient's preferences when it was recorded
    delivery            VARCHAR(16)   NOT NULL,
    -- PENDING until sent (SENT); SKIPPED when no e-mail is wanted or possible; FAILED when refused for good
    mail_status         VARCHAR(16)   NOT NULL,
    attempts            INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_at     TIMESTAMP     NOT NULL,
    -- a sender's claim: only the holder of the token sends the row until lease_until
    lease_token         VARCHAR(36),
    lease_until         TIMESTAMP,
    sent_at             TIMESTAMP,
    last_error          VARCHAR(1000)
);
CREATE INDEX spinout_notification_inbox ON spinout_notification (recipient, created_at);
CREATE INDEX spinout_notification_unread ON spinout_notification (recipient, read_at);
CREATE INDEX spinout_notification_due ON spinout_notification (mail_status, next_attempt_at);
CREATE INDEX spinout_notification_lease ON spinout_notification (lease_token);

-- The statutory clock alerts already recorded: each goes out once per programme, deadline and date.
CREATE TABLE spinout_clock_alert (
    programme_id VARCHAR(64)  NOT NULL,
    deadline     VARCHAR(200) NOT NULL,
    alert        VARCHAR(16)  NOT NULL,
    due_at       TIMESTAMP    NOT NULL,
    recorded_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (programme_id, deadline, alert, due_at)
);

-- Per person and kind of message: IMMEDIATE, DIGEST or NONE (IMMEDIATE when there is no row).
CREATE TABLE spinout_notification_preference (
    user_id  VARCHAR(64) NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    delivery VARCHAR(16) NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- An e-mail address a person chose instead of the one in the identity service.
CREATE TABLE spinout_notification_address (
    user_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    email   VARCHAR(254) NOT NULL
);
