-- The anniversary candidates by their event's row key, not its id: the listing of anniversaries
-- reads each candidate's event joined by that key, in the order of the keys (one pass along the
-- events' pages), not by the index of ids, page after page all over the table. Events are never
-- deleted nor given another key, so the key stays the event's. Filled by the store after this
-- file, as 004_derived.sql's were.
DROP TABLE anniversary_candidates;
CREATE TABLE anniversary_candidates (
    event_key      INTEGER NOT NULL,
    partnership_id TEXT NOT NULL,
    distance       INTEGER NOT NULL,
    PRIMARY KEY (event_key, partnership_id)
) WITHOUT ROWID;
