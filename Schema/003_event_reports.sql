-- What each document said of an event: that it was announced (planned), held or cancelled. An
-- announcement and a later report that the event was held become one event with both rows, so
-- `diplo show` can say when it was announced and by what, and when it was reported held.
CREATE TABLE event_reports (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled', 'unknown')),
    PRIMARY KEY (event_id, document_id, status)
) WITHOUT ROWID;
CREATE INDEX event_reports_document ON event_reports(document_id);

-- Events already known: each of their documents said what the event is now.
INSERT OR IGNORE INTO event_reports (event_id, document_id, status)
SELECT DISTINCT s.event_id, s.document_id, e.status FROM sources s JOIN events e ON e.id = s.event_id
WHERE s.event_id IS NOT NULL;
