-- The anniversaries `query anniversaries` lists when asked nothing more (the default window, no
-- period, country or level), worked out ahead: at a million events the listing reads these rows
-- in the order of their key, not tens of thousands of events, anniversaries and partnerships to
-- work the matches out again. Kept in step by the store on every write, as the candidates they
-- come from are. Filled by the store after this file.
CREATE TABLE anniversary_listing (
    date_key       INTEGER NOT NULL,  -- the event's date as a number that sorts as its text
    event_id       TEXT NOT NULL,
    years          INTEGER NOT NULL,
    computed       INTEGER NOT NULL,  -- 0: a source states it; 1: the dates give it
    partnership_id TEXT NOT NULL,
    date           TEXT NOT NULL,     -- as listed: "2024-09-21..25", "within 2024-09"
    title          TEXT NOT NULL,
    level          TEXT NOT NULL,
    anniversary    TEXT,
    established    TEXT,
    approximate    INTEGER NOT NULL,
    source         TEXT NOT NULL,     -- the first source's quote, note or document
    parties        TEXT NOT NULL,     -- the parties' names, "A – B" (worked out again when one is renamed)
    marks          TEXT NOT NULL,     -- "20 yr of diplomatic relations, A – B (2015-07-12; from 1995-07-12)"
    PRIMARY KEY (date_key, event_id, years, computed, partnership_id)
) WITHOUT ROWID;
CREATE INDEX anniversary_listing_event ON anniversary_listing(event_id);
