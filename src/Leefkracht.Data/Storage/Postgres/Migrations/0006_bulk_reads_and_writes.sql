-- Leefkracht server store, schema version 6: faster imports and reads on a national multi-year store
-- (docs/benchmarks.md "National multi-year store on PostgreSQL").
--
-- observations loses its three foreign keys. PostgreSQL checks a foreign key with a row trigger (a lookup and a
-- FOR KEY SHARE lock on the referenced row per inserted row): on a 13-year national import those checks took 70 %
-- of the time of writing the values (7.3 of 10.6 s per year). The store checks the same references set-based
-- instead, once per import and once per restore (PostgresMonitorStore: ObservationReferences), and nothing deletes
-- areas, indicators or imports except a restore, which replaces every table at once. The SQLite store keeps its
-- foreign keys: SQLite checks them in-process, cheaply.
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_indicator_id_fkey;
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_area_id_fkey;
ALTER TABLE observations DROP CONSTRAINT IF EXISTS observations_import_id_fkey;

-- Every area in the order the reads want it (level, code, year), with its name: the list of all areas (the
-- importer's area directory, the server's area index, a command's names) becomes an index-only scan instead of a
-- sort of every area of every year, which spills to disk at the default work_mem on a multi-year store.
CREATE INDEX ix_areas_level_code_year ON areas (level, code, year) INCLUDE (name);
