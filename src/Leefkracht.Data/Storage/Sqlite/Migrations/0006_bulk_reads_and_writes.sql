-- Leefkracht embedded store, schema version 6: the twin of the PostgreSQL migration of the same name, which drops
-- the foreign keys of observations (SQLite keeps them: it checks them in-process, cheaply) and indexes areas in the
-- order the reads list them.
CREATE INDEX ix_areas_level_code_year ON areas (level, code, year, name);
