-- Leefkracht embedded store, schema version 5: results computed from the data (docs/architecture.md#caching).
-- A result (for example the national watchlist of 2024 with the default model) is stored once per data version so
-- that a restarted server, a second instance or a command reads it instead of recomputing it. It is derived data:
-- not in backups, deleted by every import (which changes the data version), and ignored when its version is not the
-- store's current one (a result computed from the data before an import that committed meanwhile).
-- content is the result serialised as JSON and compressed with Brotli.

CREATE TABLE results (
    kind         TEXT    NOT NULL,               -- what was computed, e.g. watchlist
    key          TEXT    NOT NULL,               -- everything it depends on besides the data: year, scope, model and version
    data_version TEXT    NOT NULL,               -- imports counted and the last one's SHA-256 (IMonitorStore.DataVersionAsync)
    content      BLOB    NOT NULL,
    PRIMARY KEY (kind, key, data_version)
) WITHOUT ROWID;
