-- Files imported whole, by the SHA-256 of their bytes: the same file imported again is known at
-- once and changes nothing (merging it again would add nothing either: nothing is ever removed).
CREATE TABLE imported_files (
    sha256      TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
