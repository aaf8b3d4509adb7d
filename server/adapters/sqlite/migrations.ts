import type Database from 'better-sqlite3'

/**
 * Schema changes in order; version = index + 1. Never edit a shipped entry: append a new one.
 * Each entity is a row: scalar columns for what is filtered or sorted, `doc` holds the whole entity as JSON.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    openid TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL
  );

  CREATE TABLE grids (id TEXT PRIMARY KEY, code TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX grids_code ON grids (code, id);

  CREATE TABLE categories (id TEXT PRIMARY KEY, code TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX categories_code ON categories (code, id);

  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    reporter_id TEXT NOT NULL,
    client_request_id TEXT NOT NULL,
    state TEXT NOT NULL,
    grid_id TEXT,
    assignee_id TEXT,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (reporter_id, client_request_id)
  );
  CREATE INDEX tickets_created ON tickets (created_at, id);
  CREATE INDEX tickets_reporter ON tickets (reporter_id, created_at);
  CREATE INDEX tickets_grid ON tickets (grid_id, created_at);
  CREATE INDEX tickets_assignee ON tickets (assignee_id, created_at);
  CREATE INDEX tickets_state ON tickets (state, created_at);

  CREATE TABLE ticket_events (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    at TEXT NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, at, id);

  CREATE TABLE events (id TEXT PRIMARY KEY, start_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX events_start ON events (start_at, id);

  CREATE TABLE signups (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events (id),
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (event_id, user_id)
  );
  CREATE INDEX signups_created ON signups (created_at, id);
  CREATE INDEX signups_event ON signups (event_id, created_at);
  CREATE INDEX signups_user ON signups (user_id, created_at);

  CREATE TABLE surveys (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX surveys_created ON surveys (created_at, id);

  CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES surveys (id),
    user_id TEXT NOT NULL,
    at TEXT NOT NULL,
    doc TEXT NOT NULL,
    UNIQUE (survey_id, user_id)
  );
  CREATE INDEX survey_responses_at ON survey_responses (at, id);
  CREATE INDEX survey_responses_survey ON survey_responses (survey_id, at);

  CREATE TABLE messages (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX messages_user ON messages (user_id, at, id);

  CREATE TABLE counters (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  `,
  // 2: 随手拍 — nearby duplicates by category and point, overdue lists, followers, read messages.
  `
  ALTER TABLE tickets ADD COLUMN category_id TEXT;
  ALTER TABLE tickets ADD COLUMN lng REAL;
  ALTER TABLE tickets ADD COLUMN lat REAL;
  ALTER TABLE tickets ADD COLUMN overdue INTEGER NOT NULL DEFAULT 0;
  UPDATE tickets SET category_id = json_extract(doc, '$.categoryId'), lng = json_extract(doc, '$.location.lng'),
    lat = json_extract(doc, '$.location.lat'), overdue = json_extract(doc, '$.overdue');
  CREATE INDEX tickets_category_point ON tickets (category_id, lng, lat);
  CREATE INDEX tickets_overdue ON tickets (overdue, state);

  CREATE TABLE ticket_followers (
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    user_id TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (ticket_id, user_id)
  );
  CREATE INDEX ticket_followers_user ON ticket_followers (user_id, at);

  ALTER TABLE messages ADD COLUMN read INTEGER NOT NULL DEFAULT 0;
  UPDATE messages SET read = json_extract(doc, '$.read');
  CREATE INDEX messages_unread ON messages (user_id, read);
  `,
  // 3: content-safety review of uploaded photos (WeChat answers images later, by trace id).
  `
  CREATE TABLE photo_reviews (file_id TEXT PRIMARY KEY, trace_id TEXT, doc TEXT NOT NULL);
  CREATE INDEX photo_reviews_trace ON photo_reviews (trace_id);
  `,
  // 4: users by role without parsing every user's JSON (the office's admins are told of every unroutable report).
  `
  CREATE TABLE user_roles (
    role TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (role, user_id)
  );
  INSERT INTO user_roles (role, user_id) SELECT r.value, u.id FROM users u, json_each(u.doc, '$.roles') r;
  `,
  // 5: volunteer service end to end — organisers' own events, waitlists in order, profiles and certificates.
  // Documents written before get the new fields' defaults (json_insert adds only what is missing), and signups
  // the id `${eventId}:${userId}` (core's signupId) every later write uses.
  `
  ALTER TABLE events ADD COLUMN organizer_id TEXT;
  UPDATE events SET organizer_id = json_extract(doc, '$.organizerId'),
    doc = json_insert(doc, '$.topic', '文明引导', '$.servingTarget', '', '$.requiredTrainings', json('[]'),
      '$.servedCount', json('null'), '$.cancelReason', json('null'), '$.updatedAt', json_extract(doc, '$.createdAt'));
  CREATE INDEX events_organizer ON events (organizer_id, start_at, id);
  UPDATE signups SET id = event_id || ':' || user_id,
    doc = json_remove(json_set(json_insert(doc, '$.version', 1, '$.offerExpiresAt', json('null'), '$.checkInBy', json('null'),
      '$.checkOutBy', json('null'), '$.noShow', json('false'), '$.earnedHours', json('null'), '$.manualHours', json('null'),
      '$.hoursConfirmedAt', json('null'), '$.hoursConfirmedBy', json('null'), '$.adjustments', json('[]'), '$.appeal', json('null')),
      '$.id', event_id || ':' || user_id), '$.hours');
  CREATE INDEX signups_event_status ON signups (event_id, status, created_at, id);
  CREATE TABLE volunteers (user_id TEXT PRIMARY KEY REFERENCES users (id), doc TEXT NOT NULL);
  CREATE TABLE certificates (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, issued_at TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX certificates_user ON certificates (user_id, issued_at, id);
  `,
  // 6: indicator aggregates, one row per metric × area × China day, summed on read (core/indicators/aggregates.ts).
  `
  CREATE TABLE aggregates (
    id TEXT PRIMARY KEY,
    metric TEXT NOT NULL,
    area TEXT NOT NULL,
    day TEXT NOT NULL,
    n REAL NOT NULL,
    sum REAL NOT NULL,
    sum_sq REAL NOT NULL,
    doc TEXT NOT NULL
  );
  CREATE INDEX aggregates_metric_area_day ON aggregates (metric, area, day);
  `,
  // 7: distinct counts (参与率's people): who is already counted in a cell, so a second action of theirs adds nothing.
  `
  CREATE TABLE aggregate_members (
    metric TEXT NOT NULL,
    area TEXT NOT NULL,
    day TEXT NOT NULL,
    member TEXT NOT NULL,
    PRIMARY KEY (metric, area, day, member)
  ) WITHOUT ROWID;
  `,
  // 8: Open311 API keys of partner systems: their SHA-256 only (core/open311/keys.ts), found by hash on every call.
  `
  CREATE TABLE api_keys (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  `,
  // 9: the office's audit list (core/audit.ts): roles, moderation, settings, categories, grids, sign-ins.
  `
  CREATE TABLE audit (id TEXT PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, target_id TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX audit_at ON audit (at, id);
  CREATE INDEX audit_kind ON audit (kind, at, id);
  CREATE INDEX audit_target ON audit (target_id, at, id);
  `,
  // 10: the office's settings, one row per saved version (core/settings-schema.ts); none saved = the defaults.
  `
  CREATE TABLE settings_versions (id TEXT PRIMARY KEY, version INTEGER NOT NULL UNIQUE, saved_at TEXT NOT NULL, doc TEXT NOT NULL);
  `,
  // 11: the gateway's dev login and the office's desktop sessions (core/sessions.ts), by their token's hash.
  `
  CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL, ended INTEGER NOT NULL, doc TEXT NOT NULL);
  CREATE INDEX sessions_user ON sessions (user_id, created_at, id);
  CREATE INDEX sessions_user_live ON sessions (user_id, ended);
  `,
  // 12: grid versions (server/adapters/sqlite/directory.ts): the grids table stays the active version's grids; each version's
  // record, the pointer to the active one, each earlier version's grids as last used, and grids no version uses.
  // Grids stored before versions become version 1.
  `
  CREATE TABLE grid_versions (version INTEGER PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE grid_active (one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL);
  CREATE TABLE grid_version_rows (version INTEGER NOT NULL, id TEXT NOT NULL, code TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (version, id));
  CREATE INDEX grid_version_rows_code ON grid_version_rows (version, code, id);
  CREATE TABLE grids_retired (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  INSERT INTO grid_versions (version, doc)
    SELECT 1, json_object('version', 1, 'createdAt', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'createdBy', 'system',
      'createdByName', '系统', 'source', '升级前已有的网格', 'gridCount', (SELECT COUNT(*) FROM grids), 'reason', '启用网格版本管理时的网格')
    WHERE EXISTS (SELECT 1 FROM grids);
  INSERT INTO grid_active (one, version) SELECT 1, 1 WHERE EXISTS (SELECT 1 FROM grids);
  `,
  // 13: desk sign-in requests (core/signin.ts): the QR's public id, the state a move compares and sets.
  `
  CREATE TABLE signin_requests (id TEXT PRIMARY KEY, state TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
  `,
  // 14: a grid's boundary as packed doubles beside its doc (directory.ts): a start reads every grid for routing, and
  // parsing 10,000 boundaries from JSON took longer than the rest of that start. Rows without one keep it in the doc.
  `
  ALTER TABLE grids ADD COLUMN ring BLOB;
  ALTER TABLE grid_version_rows ADD COLUMN ring BLOB;
  `
]

/** Apply every migration not yet recorded in schema_migrations, each in its own transaction. Returns how many ran. */
export function migrate (db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
  const latest = db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get() as number
  if (latest > migrations.length) {
    throw Object.assign(
      new Error(`数据文件 ${db.name} 来自更新版本的程序（架构版本 ${latest}，本程序只认识到 ${migrations.length}），请升级程序或删除该文件后重新运行 npm start。 / ` +
        `The data file ${db.name} was written by a newer version (schema ${latest}, this one knows ${migrations.length}): upgrade, or delete it and run npm start again.`),
      { code: 'STORE_TOO_NEW' as const }
    )
  }
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck()
  const record = db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
  // IMMEDIATE: a second process opening the same file waits instead of applying the same step twice.
  const apply = db.transaction((version: number, sql: string): boolean => {
    if (isApplied.get(version) !== undefined) return false
    db.exec(sql)
    record.run(version)
    return true
  })
  let ran = 0
  migrations.forEach((sql, i) => {
    if (apply.immediate(i + 1, sql)) ran++
  })
  return ran
}
