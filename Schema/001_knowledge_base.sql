-- The knowledge base: documents, entities and their names, offices, events, partnerships,
-- anniversaries, and the sources of every fact.
-- Names are looked up by their folded form with the spaces taken out ("Viet Nam" = "Vietnam").
-- Dates are ISO 8601 text and may be partial ('2024', '2024-09', '2024-09-21'); text order is date order.
-- Tables searched by full text carry an INTEGER PRIMARY KEY `key`, so the search index can use it as
-- its rowid (a plain rowid may change on VACUUM).

CREATE TABLE documents (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    title       TEXT,
    lang        TEXT,
    published   TEXT,
    source      TEXT,
    sha256      TEXT UNIQUE,
    body        TEXT
);

CREATE TABLE entities (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL CHECK (type IN ('person', 'country', 'organization', 'office', 'place')),
    name        TEXT NOT NULL,
    folded      TEXT NOT NULL,          -- name without case or diacritics, for lookup
    iso         TEXT UNIQUE CHECK (iso IS NULL OR (length(iso) = 2 AND iso = upper(iso))),
    country_id  TEXT REFERENCES entities(id) ON DELETE SET NULL
);
CREATE INDEX entities_folded ON entities(replace(folded, ' ', ''));
CREATE INDEX entities_country ON entities(country_id);
CREATE INDEX entities_type ON entities(type);

-- The entity's name in each language.
CREATE TABLE entity_names (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    name        TEXT NOT NULL,
    folded      TEXT NOT NULL,
    PRIMARY KEY (entity_id, lang)
) WITHOUT ROWID;
CREATE INDEX entity_names_folded ON entity_names(replace(folded, ' ', ''));

CREATE TABLE entity_aliases (
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    folded      TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_folded ON entity_aliases(replace(folded, ' ', ''));

-- Offices a person holds: "Chủ tịch nước" of Vietnam. `role` is the title's language-free key
-- (head_of_state), so that the same office in two languages is one row.
CREATE TABLE offices_held (
    id          INTEGER PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    role        TEXT,
    of_id       TEXT REFERENCES entities(id) ON DELETE SET NULL,
    start       TEXT,
    end         TEXT
);
CREATE UNIQUE INDEX offices_held_unique ON offices_held(person_id, title, ifnull(of_id, ''), ifnull(start, ''));
CREATE INDEX offices_held_of ON offices_held(of_id);

CREATE TABLE events (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('trip', 'state_visit', 'official_visit', 'working_visit',
                    'visit', 'summit', 'conference', 'talks', 'meeting', 'courtesy_call', 'phone_call',
                    'press_conference', 'signing', 'ceremony', 'other')),
    title       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'unknown' CHECK (status IN ('planned', 'held', 'cancelled', 'unknown')),
    start       TEXT,
    end         TEXT,
    within_from TEXT,                   -- the range, when only a range is known
    within_to   TEXT,
    location_country_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    location_city TEXT,
    parent_id   TEXT REFERENCES events(id) ON DELETE SET NULL
);
CREATE INDEX events_date ON events(ifnull(start, within_from));
CREATE INDEX events_kind ON events(kind);
CREATE INDEX events_parent ON events(parent_id);
CREATE INDEX events_location ON events(location_country_id);

CREATE TABLE participants (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'attendee',
    PRIMARY KEY (event_id, entity_id, role)
) WITHOUT ROWID;
CREATE INDEX participants_entity ON participants(entity_id);

-- A relationship between parties at a level (diplomatic relations, strategic partnership...).
-- `established` is when the current level began; partnership_history keeps every step and every
-- claim about a date, each with its own sources, so that disagreeing sources are all kept.
CREATE TABLE partnerships (
    id          TEXT PRIMARY KEY,
    level       TEXT NOT NULL,
    established TEXT
);

CREATE TABLE partnership_parties (
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    entity_id   TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (partnership_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX partnership_parties_entity ON partnership_parties(entity_id);

CREATE TABLE partnership_history (
    id          INTEGER PRIMARY KEY,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    level       TEXT NOT NULL,
    date        TEXT,
    inferred    INTEGER NOT NULL DEFAULT 0   -- 1: implied by a stated anniversary, not stated
);
CREATE UNIQUE INDEX partnership_history_unique ON partnership_history(partnership_id, level, ifnull(date, ''));

-- Anniversaries that a source states an event marks. Computed ones are not stored.
CREATE TABLE anniversaries (
    id          INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    partnership_id TEXT NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    years       INTEGER NOT NULL CHECK (years > 0),
    date        TEXT,
    stated      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, partnership_id, years)
);

-- Where a fact comes from: a document, with a character span and the quote when known.
-- Each row belongs to exactly one fact.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start       INTEGER,
    end         INTEGER,
    quote       TEXT,
    note        TEXT,
    entity_id   TEXT REFERENCES entities(id) ON DELETE CASCADE,
    office_id   INTEGER REFERENCES offices_held(id) ON DELETE CASCADE,
    event_id    TEXT REFERENCES events(id) ON DELETE CASCADE,
    partnership_id TEXT REFERENCES partnerships(id) ON DELETE CASCADE,
    history_id  INTEGER REFERENCES partnership_history(id) ON DELETE CASCADE,
    anniversary_id INTEGER REFERENCES anniversaries(id) ON DELETE CASCADE,
    CHECK ((entity_id IS NOT NULL) + (office_id IS NOT NULL) + (event_id IS NOT NULL)
         + (partnership_id IS NOT NULL) + (history_id IS NOT NULL) + (anniversary_id IS NOT NULL) = 1)
);
CREATE INDEX sources_document ON sources(document_id);
CREATE INDEX sources_entity ON sources(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX sources_office ON sources(office_id) WHERE office_id IS NOT NULL;
CREATE INDEX sources_event ON sources(event_id) WHERE event_id IS NOT NULL;
CREATE INDEX sources_partnership ON sources(partnership_id) WHERE partnership_id IS NOT NULL;
CREATE INDEX sources_history ON sources(history_id) WHERE history_id IS NOT NULL;
CREATE INDEX sources_anniversary ON sources(anniversary_id) WHERE anniversary_id IS NOT NULL;

-- Full-text search. The indexed text is folded by Diplo (lower case, no diacritics, đ -> d: the
-- unicode61 tokenizer leaves đ alone), so queries are folded the same way before they match.
CREATE VIRTUAL TABLE entity_search USING fts5(text, tokenize = 'unicode61');
CREATE VIRTUAL TABLE event_search USING fts5(text, tokenize = 'unicode61');
CREATE VIRTUAL TABLE document_search USING fts5(title, body, tokenize = 'unicode61');
