-- What the store derives from the facts so that a knowledge base of a million events answers in
-- milliseconds. Nothing here is exported: it is kept in step by the store as facts change.

-- The month an event's days begin in (year * 12 + month - 1) on each of its participants' rows,
-- when its days end in that month or the next; -1 when they run longer; NULL without a year. The
-- events an entity took part in on some days are then found by the index, not one by one.
ALTER TABLE participants ADD COLUMN month INTEGER;
DROP INDEX participants_entity;
CREATE INDEX participants_entity ON participants(entity_id, month);

-- The partnerships between an event's sides of which some anniversary (as `query anniversaries`
-- counts them) falls within 92 days of the event, and how many days at the nearest: the list of
-- anniversaries reads these pairs instead of every event. Filled by the store after this file.
CREATE TABLE anniversary_candidates (
    event_id       TEXT NOT NULL,
    partnership_id TEXT NOT NULL,
    distance       INTEGER NOT NULL,
    PRIMARY KEY (event_id, partnership_id)
) WITHOUT ROWID;
CREATE INDEX anniversary_candidates_distance ON anniversary_candidates(distance);

-- Listings show events newest first, then by id: the date index holds the id too, so that the
-- newest few are read in order.
DROP INDEX events_date;
CREATE INDEX events_date ON events(ifnull(start, within_from), id);
