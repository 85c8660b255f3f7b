-- Leefkracht embedded store, schema version 3: the Leefbaarometer as an external source (docs/leefbaarometer.md).
-- Its scores are kept as published, apart from our indicators: they are shown beside our index, never an input of
-- it. An edition is named by its reference (lbm - afw, one constant per edition) to six decimals, so that a later
-- edition that recomputes old years is kept beside the earlier one instead of mixing two scales in one series.
-- postcode_crosswalk holds the address counts of postcode areas (PC4) per gemeente/wijk of a division, which
-- carry PC4 scores to our areas.

CREATE TABLE leefbaarometer (
    unit      INTEGER NOT NULL,                  -- 0 pc4, 1 gemeente, 2 wijk, 3 buurt, 4 grid (100 m)
    code      TEXT    NOT NULL,                  -- as published: 3562, WK034403, a grid id
    year      INTEGER NOT NULL,                  -- jaar
    edition   TEXT    NOT NULL,                  -- the reference to six decimals, e.g. 4.102265
    reference REAL    NOT NULL,                  -- the edition's lbm - afw (mean over the file)
    lbm       REAL    NOT NULL,
    afw       REAL    NOT NULL,
    fys       REAL,
    onv       REAL,
    soc       REAL,
    vrz       REAL,
    won       REAL,
    kscore    INTEGER,                           -- the official class 1-9, where the file has it
    import_id INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (unit, code, year, edition)
) WITHOUT ROWID;

CREATE TABLE postcode_crosswalk (
    level     INTEGER NOT NULL,                  -- of the target area: 1 gemeente, 2 wijk
    variant   TEXT    NOT NULL,
    from_year INTEGER NOT NULL,                  -- the postcode division year
    to_year   INTEGER NOT NULL,                  -- the area division year
    postcode  TEXT    NOT NULL,
    to_code   TEXT    NOT NULL,
    addresses REAL    NOT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    PRIMARY KEY (level, variant, from_year, to_year, postcode, to_code)
) WITHOUT ROWID;
