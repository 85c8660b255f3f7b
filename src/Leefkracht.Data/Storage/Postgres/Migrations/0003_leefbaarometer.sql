-- Leefkracht server store, schema version 3: the same tables as Storage/Sqlite/Migrations/0003_leefbaarometer.sql
-- (the Leefbaarometer as an external source and the postcode crosswalk that carries it to our areas).

CREATE TABLE leefbaarometer (
    unit      integer          NOT NULL,
    code      text             NOT NULL,
    year      integer          NOT NULL,
    edition   text             NOT NULL,
    reference double precision NOT NULL,
    lbm       double precision NOT NULL,
    afw       double precision NOT NULL,
    fys       double precision,
    onv       double precision,
    soc       double precision,
    vrz       double precision,
    won       double precision,
    kscore    integer,
    import_id bigint           NOT NULL REFERENCES imports (id),
    PRIMARY KEY (unit, code, year, edition)
);

CREATE TABLE postcode_crosswalk (
    level     integer          NOT NULL,
    variant   text             NOT NULL,
    from_year integer          NOT NULL,
    to_year   integer          NOT NULL,
    postcode  text             NOT NULL,
    to_code   text             NOT NULL,
    addresses double precision NOT NULL,
    import_id bigint           NOT NULL REFERENCES imports (id),
    PRIMARY KEY (level, variant, from_year, to_year, postcode, to_code)
);
