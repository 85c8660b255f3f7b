-- Leefkracht embedded store, schema version 4: sign-in sessions and the keys that protect their cookies
-- (docs/security.md). Both live in the store, so every instance on one database shares them and no other
-- database knows them: a cookie issued over another database is refused.

-- ASP.NET Core Data Protection's key ring: one row per key, the XML as Data Protection writes it.
CREATE TABLE wk_protection_keys (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,                 -- the key's friendly name (key-<guid>)
    xml   TEXT NOT NULL
);

-- One row per signed-in session. The cookie carries a random token; only its SHA-256 is kept, so neither this table
-- nor a backup of it can be replayed. Logout deletes the row, a password change or disabling deletes every row of
-- the account: the cookie is dead from the next request on, and re-enabling the account does not revive it.
CREATE TABLE wk_sessions (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES wk_accounts (id),
    token_hash  TEXT    NOT NULL UNIQUE,        -- lower-case hex SHA-256 of the cookie's session token
    created_at  TEXT    NOT NULL,
    expires_at  TEXT    NOT NULL                -- the absolute end, however active the session is
);

CREATE INDEX wk_sessions_account ON wk_sessions (account_id);
