-- Leefkracht embedded store, schema version 1.
-- Areas are (code, division year); values are stored long (one row per area, period and indicator) with
-- integer keys so that a national year reads back as a few hundred thousand narrow rows, which the store
-- turns into one array per indicator (see SqliteMonitorStore.LoadPeriodAsync).

CREATE TABLE imports (
    id              INTEGER PRIMARY KEY,
    file_name       TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    shape           TEXT    NOT NULL,
    imported_at     TEXT    NOT NULL,           -- ISO 8601 UTC
    size_bytes      INTEGER NOT NULL,
    rows_read       INTEGER NOT NULL,
    rows_stored     INTEGER NOT NULL,
    rows_skipped    INTEGER NOT NULL,
    rows_rejected   INTEGER NOT NULL,
    areas_stored    INTEGER NOT NULL,
    values_stored   INTEGER NOT NULL,
    values_replaced INTEGER NOT NULL,
    boundaries_stored INTEGER NOT NULL,
    links_stored    INTEGER NOT NULL,
    errors          INTEGER NOT NULL,
    warnings        INTEGER NOT NULL,
    report_json     TEXT    NOT NULL
);
CREATE INDEX ix_imports_sha256 ON imports (sha256);

CREATE TABLE areas (
    id        INTEGER PRIMARY KEY,
    code      TEXT    NOT NULL,
    year      INTEGER NOT NULL,                  -- division (indeling) year
    level     INTEGER NOT NULL,                  -- 0 land, 1 gemeente, 2 wijk, 3 buurt
    name      TEXT,
    gemeente  TEXT,                              -- derived from the code
    parent    TEXT,                              -- derived from the code
    import_id INTEGER NOT NULL REFERENCES imports (id),
    UNIQUE (code, year)
);
CREATE INDEX ix_areas_level_year ON areas (level, year);
CREATE INDEX ix_areas_gemeente ON areas (gemeente, year);

CREATE TABLE indicators (
    id  INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE                     -- catalog id
);

CREATE TABLE observations (
    period       INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    area_id      INTEGER NOT NULL REFERENCES areas (id),
    value        REAL    NOT NULL,
    import_id    INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (period, indicator_id, area_id)
) WITHOUT ROWID;
CREATE INDEX ix_observations_area ON observations (area_id, period);

CREATE TABLE boundaries (
    area_id   INTEGER PRIMARY KEY REFERENCES areas (id),
    wkb       BLOB    NOT NULL,                  -- WGS84 lon/lat, valid (multi)polygon
    min_x     REAL    NOT NULL,
    min_y     REAL    NOT NULL,
    max_x     REAL    NOT NULL,
    max_y     REAL    NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id)
);

CREATE TABLE crosswalk (
    level     INTEGER NOT NULL,
    variant   TEXT    NOT NULL,
    from_year INTEGER NOT NULL,
    to_year   INTEGER NOT NULL,
    from_code TEXT    NOT NULL,
    to_code   TEXT    NOT NULL,
    addresses REAL    NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (level, variant, from_year, to_year, from_code, to_code)
) WITHOUT ROWID;
