-- Leefkracht embedded store, schema version 2: the wijkaanpak (docs/wijkaanpak.md).
-- Every editable row has a version (1 on insert, +1 per change) that updates compare-and-set
-- (UPDATE ... WHERE id = @id AND version = @version). Dates are 'yyyy-MM-dd' text, times ISO 8601 UTC text,
-- money whole euro cents. Small lists that are only read with their row (goals, counterparties, linked
-- indicators) are JSON text. wk_audit has no foreign keys: it outlives what it describes.

CREATE TABLE wk_parties (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE,
    type  TEXT NOT NULL
);

CREATE TABLE wk_accounts (
    id            INTEGER PRIMARY KEY,
    user_name     TEXT    NOT NULL,
    user_key      TEXT    NOT NULL UNIQUE,      -- lower-case user name: names are unique whatever the case
    display_name  TEXT    NOT NULL,
    party_id      INTEGER NOT NULL REFERENCES wk_parties (id),
    role          TEXT    NOT NULL,
    password_hash TEXT,                         -- PBKDF2 (see Passwords.cs); null for OpenID Connect-only accounts
    disabled      INTEGER NOT NULL,
    failed_logins INTEGER NOT NULL,             -- not versioned: a login attempt must not make an admin's edit stale
    locked_until  TEXT,
    version       INTEGER NOT NULL
);

CREATE TABLE wk_programmes (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL,
    area_code            TEXT    NOT NULL,
    start_date           TEXT    NOT NULL,
    start_year           INTEGER NOT NULL,
    description          TEXT    NOT NULL,
    goals_json           TEXT    NOT NULL,
    coordinator_party_id INTEGER NOT NULL REFERENCES wk_parties (id),
    published            INTEGER NOT NULL,
    version              INTEGER NOT NULL
);

CREATE TABLE wk_coalition_members (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES wk_programmes (id),
    party_id     INTEGER NOT NULL REFERENCES wk_parties (id),
    from_date    TEXT    NOT NULL,
    to_date      TEXT,
    version      INTEGER NOT NULL
);
CREATE INDEX ix_wk_coalition_programme ON wk_coalition_members (programme_id);

CREATE TABLE wk_agreements (
    id                  INTEGER PRIMARY KEY,
    programme_id        INTEGER NOT NULL REFERENCES wk_programmes (id),
    owner_party_id      INTEGER NOT NULL REFERENCES wk_parties (id),
    counterparties_json TEXT    NOT NULL,
    title               TEXT    NOT NULL,
    deliverable         TEXT    NOT NULL,
    deadline            TEXT    NOT NULL,
    indicators_json     TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    version             INTEGER NOT NULL
);
CREATE INDEX ix_wk_agreements_programme ON wk_agreements (programme_id);

CREATE TABLE wk_agreement_history (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES wk_agreements (id),
    from_status  TEXT    NOT NULL,
    to_status    TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    account_id   INTEGER,                       -- null: the system (the deadline passed)
    comment      TEXT
);
CREATE INDEX ix_wk_history_agreement ON wk_agreement_history (agreement_id);

CREATE TABLE wk_comments (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES wk_agreements (id),
    account_id   INTEGER NOT NULL REFERENCES wk_accounts (id),
    party_id     INTEGER NOT NULL REFERENCES wk_parties (id),
    text         TEXT    NOT NULL,
    at           TEXT    NOT NULL
);
CREATE INDEX ix_wk_comments_agreement ON wk_comments (agreement_id);

CREATE TABLE wk_initiatives (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES wk_programmes (id),
    title        TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    submitted_by INTEGER NOT NULL REFERENCES wk_accounts (id),
    submitted_at TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    note         TEXT,
    version      INTEGER NOT NULL
);
CREATE INDEX ix_wk_initiatives_programme ON wk_initiatives (programme_id);

CREATE TABLE wk_funding (
    id              INTEGER PRIMARY KEY,
    programme_id    INTEGER NOT NULL REFERENCES wk_programmes (id),
    funder_party_id INTEGER NOT NULL REFERENCES wk_parties (id),
    amount_cents    INTEGER NOT NULL,
    from_date       TEXT    NOT NULL,
    to_date         TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    version         INTEGER NOT NULL
);
CREATE INDEX ix_wk_funding_programme ON wk_funding (programme_id);

CREATE TABLE wk_audit (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    account_id   INTEGER,
    account_name TEXT,
    programme_id INTEGER,
    entity       TEXT    NOT NULL,
    entity_id    INTEGER NOT NULL,
    action       TEXT    NOT NULL,
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX ix_wk_audit_programme ON wk_audit (programme_id, id);
