package sqlite

// migrations are applied in order; the database's PRAGMA user_version is the
// number applied. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: documents, cross-article entities, quotes, events, claims, FTS.
	`
CREATE TABLE documents (
	id           INTEGER PRIMARY KEY,
	article_id   TEXT NOT NULL UNIQUE,   -- stable public id, from the content hash
	content_hash TEXT NOT NULL UNIQUE,
	version      TEXT NOT NULL,          -- extractor version of the analysis
	source_id    TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	language     TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '', -- RFC 3339 UTC, '' if unknown
	source       TEXT NOT NULL DEFAULT '',
	meta         TEXT NOT NULL DEFAULT '',
	text         TEXT NOT NULL,
	analysis     TEXT NOT NULL,          -- export.Document JSON, without text
	n_quotes     INTEGER NOT NULL DEFAULT 0,
	n_events     INTEGER NOT NULL DEFAULT 0,
	n_claims     INTEGER NOT NULL DEFAULT 0,
	stored_at    TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published, id);
CREATE INDEX documents_outlet ON documents(outlet COLLATE NOCASE);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

-- entities resolved across articles. merged_into is set when a manual merge
-- folded this entity into another.
CREATE TABLE entities (
	id          INTEGER PRIMARY KEY,
	type        TEXT NOT NULL,
	kind        TEXT NOT NULL DEFAULT '',
	name        TEXT NOT NULL,
	norm        TEXT NOT NULL,
	affiliation TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	roles       TEXT NOT NULL DEFAULT '', -- distinct normalised roles, one a line
	n_quotes    INTEGER NOT NULL DEFAULT 0,
	n_articles  INTEGER NOT NULL DEFAULT 0,
	merged_into INTEGER REFERENCES entities(id)
);
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_quotes ON entities(n_quotes DESC, id);

-- one article's entity, linked to a cross-article entity with the reason.
CREATE TABLE doc_entities (
	document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	local_id    TEXT NOT NULL,
	entity      INTEGER NOT NULL REFERENCES entities(id),
	type        TEXT NOT NULL,
	name        TEXT NOT NULL,
	affiliation TEXT NOT NULL DEFAULT '',
	roles       TEXT NOT NULL DEFAULT '[]', -- JSON list
	reason      TEXT NOT NULL,
	PRIMARY KEY (document, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity);

-- normalised names and aliases of article entities, for resolution and lookup.
CREATE TABLE doc_aliases (
	norm     TEXT NOT NULL,
	document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	local_id TEXT NOT NULL,
	alias    TEXT NOT NULL,
	PRIMARY KEY (norm, document, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_aliases_doc ON doc_aliases(document);

CREATE TABLE merges (
	id      INTEGER PRIMARY KEY,
	keep    INTEGER NOT NULL REFERENCES entities(id),
	drop_id INTEGER NOT NULL REFERENCES entities(id),
	reason  TEXT NOT NULL,
	moved   TEXT NOT NULL, -- JSON [[document, local_id], …] moved by the merge
	created TEXT NOT NULL,
	undone  TEXT
);

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY,
	document     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	local_id     TEXT NOT NULL,
	type         TEXT NOT NULL,
	content      TEXT NOT NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL,
	speaker      TEXT NOT NULL DEFAULT '', -- local entity id
	speaker_name TEXT NOT NULL DEFAULT '',
	speaker_norm TEXT NOT NULL DEFAULT '',
	cue          TEXT NOT NULL DEFAULT '',
	channel      TEXT NOT NULL DEFAULT '',
	reported_by  TEXT NOT NULL DEFAULT '',
	nested_in    TEXT NOT NULL DEFAULT '',
	anonymous    INTEGER NOT NULL DEFAULT 0,
	published    TEXT NOT NULL DEFAULT '',
	UNIQUE (document, local_id)
);
CREATE INDEX quotes_speaker ON quotes(document, speaker);
CREATE INDEX quotes_speaker_norm ON quotes(speaker_norm);
CREATE INDEX quotes_published ON quotes(published, id);
CREATE INDEX quotes_reported_by ON quotes(reported_by COLLATE NOCASE);

CREATE VIRTUAL TABLE quotes_fts USING fts5(content, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE events (
	id          INTEGER PRIMARY KEY,
	document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	local_id    TEXT NOT NULL,
	plover      TEXT NOT NULL DEFAULT '',
	plover_mode TEXT NOT NULL DEFAULT '',
	cameo       TEXT NOT NULL DEFAULT '',
	quad_class  INTEGER NOT NULL DEFAULT 0,
	goldstein   REAL NOT NULL DEFAULT 0,
	source      TEXT NOT NULL DEFAULT '', -- local entity ids
	target      TEXT NOT NULL DEFAULT '',
	source_name TEXT NOT NULL DEFAULT '',
	target_name TEXT NOT NULL DEFAULT '',
	source_code TEXT NOT NULL DEFAULT '',
	target_code TEXT NOT NULL DEFAULT '',
	location    TEXT NOT NULL DEFAULT '',
	country     TEXT NOT NULL DEFAULT '',
	lat         REAL,
	lon         REAL,
	date        TEXT NOT NULL DEFAULT '',
	evidence    TEXT NOT NULL DEFAULT '',
	start       INTEGER NOT NULL,
	end         INTEGER NOT NULL,
	reported_in TEXT NOT NULL DEFAULT '',
	negated     INTEGER NOT NULL DEFAULT 0,
	UNIQUE (document, local_id)
);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_plover ON events(plover);

-- claims grouped across articles by key.
CREATE TABLE claims (
	id     INTEGER PRIMARY KEY,
	key    TEXT NOT NULL UNIQUE,
	text   TEXT NOT NULL,
	status TEXT NOT NULL
);
CREATE INDEX claims_status ON claims(status);

CREATE TABLE doc_claims (
	document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	local_id TEXT NOT NULL,
	claim    INTEGER NOT NULL REFERENCES claims(id),
	status   TEXT NOT NULL, -- the status the article's analysis gave
	PRIMARY KEY (document, local_id)
) WITHOUT ROWID;
CREATE INDEX doc_claims_claim ON doc_claims(claim);

CREATE TABLE stances (
	id          INTEGER PRIMARY KEY,
	claim       INTEGER NOT NULL REFERENCES claims(id),
	document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	source      TEXT NOT NULL DEFAULT '', -- local entity id
	source_name TEXT NOT NULL DEFAULT '',
	stance      TEXT NOT NULL,
	quote       TEXT NOT NULL DEFAULT '',
	evidence    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stances_claim ON stances(claim);
CREATE INDEX stances_document ON stances(document);

-- normalised names, aliases, surnames and country codes of cross-article
-- entities: a derived index, rebuilt for an entity when it is merged or
-- unmerged.
CREATE TABLE entity_aliases (
	norm   TEXT NOT NULL,
	entity INTEGER NOT NULL REFERENCES entities(id),
	PRIMARY KEY (norm, entity)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity);

-- external-content FTS tables are kept in step by triggers.
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts(rowid, content) VALUES (new.id, new.content);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
`,
	// 2: index new rows for full-text search once per batch instead of by
	// trigger: a trigger makes every insert a statement with a savepoint, and
	// FTS5 flushes its pending index at each savepoint.
	`
DROP TRIGGER documents_ai;
DROP TRIGGER quotes_ai;
`,
	// 3: an article entity's aliases and lookup keys live in its row: one
	// insert per entity instead of one per alias.
	`
ALTER TABLE doc_entities ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
ALTER TABLE doc_entities ADD COLUMN keys TEXT NOT NULL DEFAULT '';
UPDATE doc_entities SET
	keys = coalesce((SELECT group_concat(da.norm, char(10)) FROM doc_aliases da
		WHERE da.document = doc_entities.document AND da.local_id = doc_entities.local_id), ''),
	aliases = coalesce((SELECT json_group_array(DISTINCT da.alias) FROM doc_aliases da
		WHERE da.document = doc_entities.document AND da.local_id = doc_entities.local_id AND da.alias != doc_entities.name), '[]');
DROP TABLE doc_aliases;
`,
	// 4: a quote carries its speaker's cross-article entity, so that "quotes
	// by this person, newest first" is one index range.
	`
ALTER TABLE quotes ADD COLUMN entity INTEGER REFERENCES entities(id);
UPDATE quotes SET entity = (SELECT de.entity FROM doc_entities de WHERE de.document = quotes.document AND de.local_id = quotes.speaker);
CREATE INDEX quotes_entity ON quotes(entity, published);
DROP INDEX quotes_speaker_norm;
CREATE INDEX quotes_speaker_norm ON quotes(speaker_norm, published);
`,
	// 5: events by actor code, for actor queries.
	`
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);
CREATE INDEX events_source ON events(document, source);
CREATE INDEX events_target ON events(document, target);
`,
	// 6: near-duplicate copies (republished wire stories) linked to their
	// original, stored without an analysis of their own.
	`
CREATE TABLE duplicates (
	content_hash TEXT PRIMARY KEY,
	id           TEXT NOT NULL,
	original     TEXT NOT NULL,
	url          TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	outlet       TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX duplicates_original ON duplicates(original);
`,
	// 7: the content words of each claim's key, so that a claim can join one
	// from another article whose key is close but not equal (claim.SameKey).
	`
CREATE TABLE claim_words (
	word  TEXT NOT NULL,
	claim INTEGER NOT NULL REFERENCES claims(id),
	PRIMARY KEY (word, claim)
) WITHOUT ROWID;
CREATE INDEX claim_words_claim ON claim_words(claim);
WITH RECURSIVE split(claim, word, rest) AS (
	SELECT id, '', key || ' ' FROM claims WHERE key NOT LIKE 'article:%'
	UNION ALL
	SELECT claim, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO claim_words (word, claim) SELECT word, claim FROM split WHERE word <> '';
`,
	// 8: the ids documents were given (at ingest, extract --db, POST), so
	// that an article can be asked for by them as well as by its article id.
	// seq orders the texts one id was given to: the largest is the newest.
	`
CREATE TABLE source_ids (
	seq       INTEGER PRIMARY KEY,
	source_id TEXT NOT NULL,
	document  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	UNIQUE (source_id, document)
);
CREATE INDEX source_ids_document ON source_ids(document);
INSERT INTO source_ids (source_id, document) SELECT source_id, id FROM documents WHERE source_id != '' ORDER BY id;
`,
}
