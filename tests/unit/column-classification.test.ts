import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as schema from '@/lib/db/schema';
import { SEALED_TEXT_COLUMNS } from '@/lib/cases/seal-existing';

/**
 * Every column of every table, as stored at rest: in clear, encrypted, a keyed hash, or
 * a one-way hash. A new column fails this test until someone decides which it is (and
 * adds it to SECURITY.md's table, which is checked against this one).
 *
 * - `case key` (encrypted): AES-256-GCM under the case's own data key, bound to table + column + row.
 * - `master key` (encrypted): AES-256-GCM under DATA_ENCRYPTION_KEY directly (not per case).
 * - `keyed hash`: HMAC-SHA-256; useless without the key.
 * - `hash`: one-way hash of a secret the database never holds (password, random nonce).
 * - `clear`: what workflow, deadlines, statistics and sign-in need; no person's words or names.
 */
type Class = 'clear' | 'case key' | 'master key' | 'keyed hash' | 'hash';

const C = 'clear' as const;
const CASE = 'case key' as const;
const MASTER = 'master key' as const;

const CLASSIFICATION: Record<string, Record<string, Class>> = {
  attachments: {
    id: C, case_id: C, message_id: C, storage_key: C, file_name_enc: CASE, mime_type: C, extension: C,
    size_bytes: C, sha256: 'keyed hash', metadata_stripped: C, created_at: C, sealed: C,
  },
  // A checkpoint's MAC is keyed by a server secret; the rest points into the audit chain.
  audit_checkpoints: { id: C, last_id: C, last_hash: C, rows: C, mac: 'keyed hash', created_at: C },
  audit_log: { id: C, at: C, officer_id: C, action: C, case_id: C, detail: C, prev_hash: C, hash: C },
  // Handling officers and what each officer last read: ids and times only.
  case_assignments: { case_id: C, officer_id: C, assigned_by: C, assigned_at: C },
  case_counters: { year: C, last: C },
  case_events: {
    id: C, case_id: C, kind: C, from_state: C, to_state: C, officer_id: C, internal_note: CASE, public_note: CASE,
    visible_to_reporter: C, created_at: C, sealed: C,
  },
  case_keys: { case_id: C, wrapped_key: MASTER, master_key_id: C, created_at: C, rewrapped_at: C, destroyed_at: C, files_erased_at: C },
  case_reads: { case_id: C, officer_id: C, last_seen_message_id: C, seen_at: C },
  // An officer's conflict of interest: the reason may name a person, so it is sealed.
  case_recusals: { id: C, case_id: C, officer_id: C, reason: CASE, created_at: C, sealed: C },
  cases: {
    id: C, case_number: C, ticket_hash: 'keyed hash', state: C, category_id: C, what: CASE, where_text: CASE,
    when_text: CASE, when_date: C, who_text: CASE, how_text: CASE, anonymous: C, reporter_identity_enc: CASE,
    reporter_email_consent: C, spam_score: C, quarantined: C, assigned_officer_id: C, restricted: C, rejection_reason: C, outcome: C,
    outcome_summary: CASE, referred_to: CASE, due_at: C, due_kind: C, completed_at: C, state_changed_at: C,
    created_at: C, updated_at: C, sealed: C, last_reporter_message_id: C,
  },
  // Inbox tab totals kept by triggers: states and numbers only.
  case_state_counts: { quarantined: C, state: C, count: C },
  categories: { id: C, slug: C, label: C, active: C, sort_order: C },
  // Reporter addresses are sealed (lib/email/recipient.ts); officers' own addresses stay plain.
  // Subjects and bodies carry no report content by rule (tests/integration/email-content-rule.test.ts).
  email_outbox: {
    id: C, kind: C, to_address: MASTER, subject: C, html: C, text_body: C, status: C, attempts: C, next_attempt_at: C,
    claimed_by: C, claimed_at: C, last_error: C, provider_id: C, sent_at: C, created_at: C,
  },
  // Which evidence files `npm run evidence:migrate` has moved to uploadthing.
  evidence_migrations: { storage_key: C, state: C, updated_at: C },
  holidays: { date: C, name: C },
  identity_requests: {
    id: C, case_id: C, officer_id: C, reason: CASE, status: C, decided_by: C, decided_at: C, created_at: C, sealed: C,
  },
  info_requests: {
    id: C, case_id: C, questions: CASE, due_at: C, status: C, officer_id: C, answered_at: C, expiry_notified_at: C,
    created_at: C, sealed: C,
  },
  messages: { id: C, case_id: C, author: C, officer_id: C, info_request_id: C, body: CASE, spam_score: C, created_at: C, sealed: C },
  // Officers are staff accounts: their own name and address are needed to sign in and to be mailed.
  officers: {
    id: C, email: C, name: C, password_hash: 'hash', role: C, active: C, totp_secret_enc: MASTER, totp_enabled: C,
    failed_logins: C, locked_until: C, notify_mode: C, must_change_password: C, session_version: C, totp_last_step: C,
    created_at: C,
  },
  // Counters per client are keyed by a daily HMAC of the client; nothing else about the client is kept.
  rate_limits: { bucket: C, key_hash: 'keyed hash', window_start: C, count: C, expires_at: C },
  // Evidence sent ahead of its report: the key and file name under the master key, the
  // browser known only by the hash of a random token; gone once claimed or after a day.
  pending_uploads: {
    id: C, token_hash: 'hash', storage_key: C, wrapped_key: MASTER, master_key_id: C, file_name_enc: MASTER, mime_type: C,
    extension: C, original_bytes: C, size_bytes: C, metadata_stripped: C, state: C, cleanup_at: C, created_at: C,
  },
  receipt_views: { nonce_hash: 'hash', created_at: C },
  reported_parties: { id: C, case_id: C, name: CASE, position: CASE, work_unit: CASE, sort_order: C, sealed: C },
  settings: { key: C, value: C, updated_at: C },
  // One-use proofs of the checked sign-in: only a hash of a random token that lives seconds.
  sign_in_proofs: { token_hash: 'hash', officer_id: C, expires_at: C },
  // Aggregates for the public statistics page: counts only, computed from clear columns.
  stats_snapshots: { key: C, value: C, computed_at: C },
  status_sessions: { token_hash: 'keyed hash', case_id: C, expires_at: C, created_at: C },
  summons: {
    id: C, case_id: C, role: C, person_name: CASE, scheduled_at: C, place: CASE, agenda: CASE, letter_number: C,
    status: C, minutes: CASE, status_reason: CASE, replaces_id: C, officer_id: C, reminder_sent_at: C, created_at: C,
    updated_at: C, sealed: C,
  },
  // A reporter's answer to their summons: the kind is a fixed choice, the words are sealed.
  summons_responses: { id: C, case_id: C, summons_id: C, kind: C, body: CASE, created_at: C, sealed: C },
  // Admins' evaluation of the WBS per period (Zona Integritas sheet): office text about the
  // system as a whole, exported as it stands; it belongs to no case and names no reporter.
  wbs_evaluations: { period_key: C, section: C, body: C, officer_id: C, updated_at: C },
};

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => value instanceof SQLiteTable)
  .map((table) => getTableConfig(table));

describe('every column is classified as clear, encrypted or hashed', () => {
  it('has no unclassified table or column, and no classified column that does not exist', () => {
    const actual = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
    const classified = Object.fromEntries(Object.entries(CLASSIFICATION).map(([t, cols]) => [t, Object.keys(cols).sort()]));
    expect(actual).toEqual(classified);
  });

  it('lists exactly the columns the code seals under the case key', () => {
    const sealedInCode = Object.values(SEALED_TEXT_COLUMNS)
      .flat()
      .map((column) => `${getTableConfig(column.table as SQLiteTable).name}.${column.name}`)
      .sort();
    const caseKeyColumns = Object.entries(CLASSIFICATION)
      .flatMap(([table, cols]) => Object.entries(cols).filter(([, c]) => c === CASE).map(([col]) => `${table}.${col}`))
      .sort();
    expect(sealedInCode).toEqual(caseKeyColumns);
  });

  it('keeps no free text typed by a person in a clear column', () => {
    // Text columns that stay clear must be system values (enums, ids, numbers, office data).
    const clearText = tables.flatMap((t) =>
      t.columns.filter((c) => c.getSQLType() === 'text' && CLASSIFICATION[t.name][c.name] === C).map((c) => `${t.name}.${c.name}`),
    );
    expect(clearText.sort()).toEqual(
      [
        'attachments.extension', 'attachments.mime_type', 'attachments.storage_key', 'audit_log.action', 'audit_log.detail',
        'audit_log.hash', 'audit_log.prev_hash', 'case_events.from_state', 'case_events.kind', 'case_events.to_state',
        'case_keys.master_key_id', 'cases.case_number', 'cases.due_kind', 'cases.outcome', 'cases.rejection_reason',
        'cases.state', 'cases.when_date', 'categories.label', 'categories.slug', 'email_outbox.claimed_by',
        'email_outbox.html', 'email_outbox.kind', 'email_outbox.last_error', 'email_outbox.provider_id', 'email_outbox.status',
        'email_outbox.subject', 'email_outbox.text_body', 'holidays.date', 'holidays.name', 'identity_requests.status',
        'info_requests.status', 'messages.author', 'officers.email', 'officers.name', 'officers.notify_mode', 'officers.role',
        'settings.key', 'settings.value', 'summons.letter_number', 'summons.role', 'summons.status', 'summons_responses.kind',
        'audit_checkpoints.last_hash', 'rate_limits.bucket', 'stats_snapshots.key', 'stats_snapshots.value',
        'wbs_evaluations.period_key', 'wbs_evaluations.section', 'wbs_evaluations.body',
        'pending_uploads.id', 'pending_uploads.storage_key', 'pending_uploads.master_key_id', 'pending_uploads.mime_type',
        'pending_uploads.extension', 'pending_uploads.state',
        'evidence_migrations.storage_key', 'evidence_migrations.state', 'case_state_counts.state',
      ].sort(),
    );
  });

  it('is the table SECURITY.md shows', () => {
    const doc = readFileSync('SECURITY.md', 'utf8');
    for (const [table, cols] of Object.entries(CLASSIFICATION)) {
      for (const [column, kind] of Object.entries(cols)) {
        expect(doc, `${table}.${column}`).toMatch(new RegExp(`\\| \`${table}\` \\| [^\\n]*\`${column}\` \\(${kind}\\)`));
      }
    }
  });
});
