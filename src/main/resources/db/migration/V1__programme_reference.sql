-- The last programme number given out per year, for references SO-<year>-<number>.
CREATE TABLE spinout_programme_number (
    reference_year INTEGER NOT NULL PRIMARY KEY,
    last_number    INTEGER NOT NULL
);
