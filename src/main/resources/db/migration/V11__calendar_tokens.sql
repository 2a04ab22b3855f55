-- The secret of each person's calendar feed, kept only as a SHA-256 hash: a stolen copy of the
-- database does not open anyone's calendar, and a new token replaces the old one.
CREATE TABLE spinout_calendar_token (
    user_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL
);
CREATE UNIQUE INDEX spinout_calendar_token_hash ON spinout_calendar_token (token_hash);
