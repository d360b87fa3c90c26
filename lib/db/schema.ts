import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SUMMONS_RESPONSE_KINDS, SUMMONS_ROLES, SUMMONS_STATUSES } from '@/lib/cases/summons-rules';
import { CASE_STATES, OUTCOMES, REJECTION_REASONS } from '@/lib/cases/workflow';

/**
 * The whole domain, laid out once so later work adds behaviour rather than reshaping
 * tables. Nothing here holds a client IP, user agent or ticket code: tickets are HMACs,
 * reporter identity and file names are AES-GCM ciphertext.
 */

const createdAt = () =>
  integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`);

export const OFFICER_ROLES = ['officer', 'admin'] as const;
export const NOTIFY_MODES = ['immediate', 'digest'] as const;
/** `closed`: the case was closed (rejected, referred, concluded) while the request was open. */
export const INFO_REQUEST_STATUSES = ['open', 'answered', 'expired', 'closed'] as const;
export const MESSAGE_AUTHORS = ['reporter', 'officer'] as const;
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'captured'] as const;
export const IDENTITY_REQUEST_STATUSES = ['pending', 'approved', 'denied'] as const;

export const officers = sqliteTable('officers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: OFFICER_ROLES }).notNull().default('officer'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** TOTP secret, encrypted with the data key; enabled only after a confirmed code. */
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: integer('totp_enabled', { mode: 'boolean' }).notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'timestamp' }),
  notifyMode: text('notify_mode', { enum: NOTIFY_MODES }).notNull().default('immediate'),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /**
   * Carried in every session token and compared on every request: raising it (sign-out,
   * deactivation, password or TOTP change) ends every copy of every open session.
   */
  sessionVersion: integer('session_version').notNull().default(0),
  /**
   * The TOTP time step of the last accepted code, in clear so that accepting a code is one
   * guarded UPDATE (`… WHERE totp_last_step < step`): under concurrent requests exactly one wins.
   */
  totpLastStep: integer('totp_last_step'),
  createdAt: createdAt(),
});
export type Officer = typeof officers.$inferSelect;
export type NewOfficer = typeof officers.$inferInsert;

/** Office settings as key → JSON value; defaults live in lib/settings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
});
export type SettingRow = typeof settings.$inferSelect;

export const categories = sqliteTable('categories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  label: text('label').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});
export type Category = typeof categories.$inferSelect;

/** Per-year counter behind case numbers like 2026-0001. */
export const caseCounters = sqliteTable('case_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseNumber: text('case_number').notNull(),
    ticketHash: text('ticket_hash').notNull(),
    state: text('state', { enum: CASE_STATES }).notNull().default('received'),
    categoryId: integer('category_id').references(() => categories.id),
    what: text('what').notNull(),
    whereText: text('where_text').notNull(),
    whenText: text('when_text').notNull(),
    whenDate: text('when_date'),
    whoText: text('who_text').notNull(),
    howText: text('how_text').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(true),
    /** Name, phone, email, address as encrypted JSON; null when anonymous. */
    reporterIdentityEnc: text('reporter_identity_enc'),
    /** The reporter agreed to "there is an update" emails at the address in the identity. */
    reporterEmailConsent: integer('reporter_email_consent', { mode: 'boolean' }).notNull().default(false),
    spamScore: integer('spam_score').notNull().default(0),
    quarantined: integer('quarantined', { mode: 'boolean' }).notNull().default(false),
    /**
     * Legacy: the officer who first started verification. Handling officers now live in
     * case_assignments; prepare() moves any value found here there and clears it
     * (lib/cases/assignment.ts migrateLegacyAssignments). Nothing writes it any more.
     */
    assignedOfficerId: integer('assigned_officer_id').references(() => officers.id),
    /** An admin restricted the case to its assigned officers (others are refused; admins keep access). */
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
    rejectionReason: text('rejection_reason', { enum: REJECTION_REASONS }),
    outcome: text('outcome', { enum: OUTCOMES }),
    outcomeSummary: text('outcome_summary'),
    referredTo: text('referred_to'),
    /**
     * The deadline that matters in the current state (lib/cases/deadlines.ts), kept on
     * the row at every move so the inbox sorts overdue-first with one indexed query.
     * Null in final states.
     */
    dueAt: integer('due_at', { mode: 'timestamp' }),
    dueKind: text('due_kind', { enum: ['verification_start', 'first_answer', 'info_request', 'conclusion'] }),
    /** When the report was accepted as complete: the 60-day conclusion clock starts here. */
    completedAt: integer('completed_at', { mode: 'timestamp' }),
    stateChangedAt: integer('state_changed_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
    /**
     * The newest reporter message's id ("Balasan baru" compares it with case_reads), kept
     * by a database trigger on messages (drizzle/0016), so no insert path can forget it.
     */
    lastReporterMessageId: integer('last_reporter_message_id'),
  },
  (t) => [
    uniqueIndex('cases_case_number_idx').on(t.caseNumber),
    uniqueIndex('cases_ticket_hash_idx').on(t.ticketHash),
    index('cases_state_created_idx').on(t.state, t.createdAt, t.id),
    index('cases_created_idx').on(t.createdAt, t.id),
    index('cases_category_due_idx').on(t.categoryId, t.dueAt, t.id),
    index('cases_quarantine_state_idx').on(t.quarantined, t.state),
    index('cases_inbox_due_idx').on(t.quarantined, t.dueAt, t.id),
    index('cases_state_due_idx').on(t.state, t.dueAt, t.id),
    // Restricted cases are few: counts subtract them through this index.
    index('cases_restricted_idx').on(t.restricted),
    index('cases_restricted_only_idx').on(t.id).where(sql`${t.restricted} = 1`),
    // Open cases the reporter wrote in: the "Balasan baru" count walks only these.
    index('cases_replied_idx')
      .on(t.quarantined, t.dueAt, t.lastReporterMessageId)
      .where(sql`${t.lastReporterMessageId} is not null`),
  ],
);

/**
 * How many cases are in each state (quarantined ones apart), for the inbox tabs: reading
 * 14 rows instead of counting 100,000 on every page. Kept by database triggers on
 * `cases` (drizzle/0016), so every instance and every write path keeps it right.
 */
export const caseStateCounts = sqliteTable(
  'case_state_counts',
  {
    quarantined: integer('quarantined', { mode: 'boolean' }).notNull(),
    state: text('state', { enum: CASE_STATES }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.quarantined, t.state] })],
);
export type Case = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;

/**
 * Each case's own data key, stored only wrapped (AES-256-GCM) by the master key whose
 * fingerprint is `master_key_id` (lib/crypto/case-keys.ts). Rotation re-wraps these rows;
 * retention erases a case by nulling `wrapped_key` (then `destroyed_at` says when).
 */
export const caseKeys = sqliteTable(
  'case_keys',
  {
    caseId: integer('case_id').primaryKey().references(() => cases.id, { onDelete: 'cascade' }),
    wrappedKey: text('wrapped_key'),
    masterKeyId: text('master_key_id').notNull(),
    createdAt: createdAt(),
    rewrappedAt: integer('rewrapped_at', { mode: 'timestamp' }),
    destroyedAt: integer('destroyed_at', { mode: 'timestamp' }),
    /**
     * When retention finished deleting the case's evidence files (after `destroyed_at`):
     * null on an erased case means a run stopped between the two steps, and the next
     * run deletes the files (lib/cases/retention.ts).
     */
    filesErasedAt: integer('files_erased_at', { mode: 'timestamp' }),
  },
  (t) => [
    index('case_keys_master_idx').on(t.masterKeyId, t.caseId),
    index('case_keys_destroyed_idx').on(t.destroyedAt, t.filesErasedAt),
  ],
);
export type CaseKeyRow = typeof caseKeys.$inferSelect;

export const reportedParties = sqliteTable(
  'reported_parties',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name'),
    position: text('position'),
    workUnit: text('work_unit'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('reported_parties_case_idx').on(t.caseId)],
);
export type ReportedParty = typeof reportedParties.$inferSelect;

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    author: text('author', { enum: MESSAGE_AUTHORS }).notNull(),
    officerId: integer('officer_id').references(() => officers.id),
    infoRequestId: integer('info_request_id').references(() => infoRequests.id),
    body: text('body').notNull(),
    /** The spam check's score of a reporter's message (lib/security/spam.ts); high ones mail no officer. */
    spamScore: integer('spam_score').notNull().default(0),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('messages_case_idx').on(t.caseId, t.createdAt)],
);
export type Message = typeof messages.$inferSelect;

export const infoRequests = sqliteTable(
  'info_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    questions: text('questions').notNull(),
    dueAt: integer('due_at', { mode: 'timestamp' }).notNull(),
    status: text('status', { enum: INFO_REQUEST_STATUSES }).notNull().default('open'),
    officerId: integer('officer_id').references(() => officers.id),
    answeredAt: integer('answered_at', { mode: 'timestamp' }),
    /** When officers were told the due date passed unanswered (set once, by whichever instance wins). */
    expiryNotifiedAt: integer('expiry_notified_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('info_requests_case_idx').on(t.caseId, t.status), index('info_requests_due_idx').on(t.status, t.dueAt)],
);
export type InfoRequest = typeof infoRequests.$inferSelect;

/** Evidence files and files attached to a reporter's reply; bytes live in storage, encrypted. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    messageId: integer('message_id').references(() => messages.id),
    storageKey: text('storage_key').notNull().unique(),
    /** Original file name, encrypted: names often say who wrote a document. */
    fileNameEnc: text('file_name_enc').notNull(),
    mimeType: text('mime_type').notNull(),
    extension: text('extension').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    metadataStripped: integer('metadata_stripped', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('attachments_case_idx').on(t.caseId)],
);
export type Attachment = typeof attachments.$inferSelect;

export const summons = sqliteTable(
  'summons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SUMMONS_ROLES }).notNull(),
    personName: text('person_name').notNull(),
    scheduledAt: integer('scheduled_at', { mode: 'timestamp' }).notNull(),
    place: text('place').notNull(),
    agenda: text('agenda').notNull(),
    letterNumber: text('letter_number'),
    status: text('status', { enum: SUMMONS_STATUSES }).notNull().default('scheduled'),
    minutes: text('minutes'),
    statusReason: text('status_reason'),
    /** Set when this summons replaces an earlier one (rescheduling). */
    replacesId: integer('replaces_id'),
    officerId: integer('officer_id').references(() => officers.id),
    /** When officers were reminded of this summons the day before (set once). */
    reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('summons_case_idx').on(t.caseId, t.scheduledAt),
    index('summons_scheduled_idx').on(t.status, t.scheduledAt),
  ],
);
export type Summons = typeof summons.$inferSelect;

/**
 * A reporter's answer to a summons addressed to them, given on /status (so an anonymous
 * reporter stays anonymous): will come, cannot come, asks for another time, or answers
 * in writing. Append-only: a later response supersedes an earlier one, both are kept.
 */
export const summonsResponses = sqliteTable(
  'summons_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    summonsId: integer('summons_id').notNull().references(() => summons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SUMMONS_RESPONSE_KINDS }).notNull(),
    /** The reporter's reason or written answer; sealed with the case key. */
    body: text('body'),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext. */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('summons_responses_summons_idx').on(t.summonsId, t.createdAt)],
);
export type SummonsResponse = typeof summonsResponses.$inferSelect;

/**
 * The case timeline. `publicNote` is what the reporter is shown (null: the event is
 * internal); `internalNote` is for officers only.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromState: text('from_state', { enum: CASE_STATES }),
    toState: text('to_state', { enum: CASE_STATES }),
    officerId: integer('officer_id').references(() => officers.id),
    internalNote: text('internal_note'),
    publicNote: text('public_note'),
    visibleToReporter: integer('visible_to_reporter', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.createdAt),
    // Statistics find the events of one kind in a period (verification started, closures).
    index('case_events_kind_created_idx').on(t.kind, t.createdAt),
  ],
);
export type CaseEvent = typeof caseEvents.$inferSelect;

export const identityRequests = sqliteTable(
  'identity_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: IDENTITY_REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => officers.id),
    decidedAt: integer('decided_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext (false only for rows from before encryption). */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('identity_requests_case_idx').on(t.caseId, t.officerId)],
);

/** Append-only, hash-chained: each row carries the hash of the one before. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp' }).notNull(),
    officerId: integer('officer_id'),
    action: text('action').notNull(),
    caseId: integer('case_id'),
    detail: text('detail', { mode: 'json' }),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId)],
);
export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Points up to which the audit chain was verified intact: the audit page checks only the
 * rows after the newest checkpoint (plus the rows it shows), so its cost does not grow
 * with the log. `mac` is a keyed MAC over (lastId, lastHash, rows) with a server secret,
 * so a checkpoint cannot be forged by someone who can only write the database.
 */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  lastId: integer('last_id').notNull(),
  lastHash: text('last_hash').notNull(),
  rows: integer('rows').notNull(),
  mac: text('mac').notNull(),
  createdAt: createdAt(),
});
export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;

/**
 * One-time proofs that the app's own sign-in (app/petugas/masuk/actions.ts) checked an
 * officer: the Credentials provider creates a session only by consuming one. Only a hash
 * of the random token is stored; a proof lives a few seconds.
 */
export const signInProofs = sqliteTable('sign_in_proofs', {
  tokenHash: text('token_hash').primaryKey(),
  officerId: integer('officer_id').notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
});

/** Outgoing email, written in the same transaction as the event that causes it. */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    claimedBy: text('claimed_by'),
    claimedAt: integer('claimed_at', { mode: 'timestamp' }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    sentAt: integer('sent_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);
export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** Holidays added by admins (cuti bersama, local days) on top of the national calendar. */
export const holidays = sqliteTable(
  'holidays',
  {
    date: text('date').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.date] })],
);

/**
 * Receipts already shown: the hash of a random per-receipt nonce, never the ticket.
 * Lets /lapor/terkirim show a ticket exactly once, across app instances.
 */
export const receiptViews = sqliteTable('receipt_views', {
  nonceHash: text('nonce_hash').primaryKey(),
  createdAt: createdAt(),
});

/**
 * Rate-limit windows shared by every endpoint and app instance. A client, account or
 * case is known only by a keyed hash (lib/security/rate-limit.ts) whose key changes
 * every UTC day; rows live at most one day, and no report ever refers to them.
 * Times are epoch milliseconds (windows may be shorter than a second in tests).
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    keyHash: text('key_hash').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.keyHash] }), index('rate_limits_expires_idx').on(t.expiresAt)],
);
export type RateLimitRow = typeof rateLimits.$inferSelect;

export const EVALUATION_SECTIONS = ['hasil_evaluasi', 'tindak_lanjut'] as const;

/**
 * What admins write per reporting period for the Zona Integritas sheet: "Hasil evaluasi"
 * and "Tindak lanjut hasil evaluasi", each with who wrote it and when. One row per period
 * and section; a new text replaces the old one and the audit log keeps the history.
 */
export const wbsEvaluations = sqliteTable(
  'wbs_evaluations',
  {
    periodKey: text('period_key').notNull(),
    section: text('section', { enum: EVALUATION_SECTIONS }).notNull(),
    body: text('body').notNull(),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodKey, t.section] })],
);
export type WbsEvaluation = typeof wbsEvaluations.$inferSelect;

/**
 * Precomputed aggregates (the public /statistik page): computed at most once per interval
 * by whichever instance asks first, so a busy public page costs one indexed read.
 */
export const statsSnapshots = sqliteTable('stats_snapshots', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  computedAt: integer('computed_at', { mode: 'timestamp' }).notNull(),
});

/**
 * Reporter /status sessions, so "Keluar" ends one on the server: the browser holds a
 * random token (sealed in its cookie); only its keyed hash is stored, with the case and
 * an expiry. A deleted or expired row makes a copied cookie worthless.
 */
export const statusSessions = sqliteTable(
  'status_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('status_sessions_expiry_idx').on(t.expiresAt)],
);

export const PENDING_UPLOAD_STATES = ['pending', 'claimed'] as const;

/**
 * Evidence sent ahead of its report (JavaScript on: each file uploads as soon as it is
 * chosen). The bytes are in the blob store, cleaned and encrypted under a random key of
 * their own that is kept here only wrapped by the master key; the file name is sealed
 * under the master key. `id` is random and unguessable, and the row belongs to the
 * browser whose random token hashes to `token_hash` (the token lives only in its cookie).
 * A report claims its rows in its own transaction (state → claimed) and then removes
 * them; `cleanup_at` is when any instance may remove a row and its blob: a day after the
 * upload while pending, a short grace period after a claim (lib/cases/pending-uploads.ts).
 */
export const pendingUploads = sqliteTable(
  'pending_uploads',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    storageKey: text('storage_key').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    masterKeyId: text('master_key_id').notNull(),
    fileNameEnc: text('file_name_enc').notNull(),
    mimeType: text('mime_type').notNull(),
    extension: text('extension').notNull(),
    /** Size as chosen, what the per-report limits count (as for a file posted with the form). */
    originalBytes: integer('original_bytes').notNull(),
    /** Size as stored, after metadata removal. */
    sizeBytes: integer('size_bytes').notNull(),
    metadataStripped: integer('metadata_stripped', { mode: 'boolean' }).notNull(),
    state: text('state', { enum: PENDING_UPLOAD_STATES }).notNull().default('pending'),
    /** Epoch milliseconds. */
    cleanupAt: integer('cleanup_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('pending_uploads_token_idx').on(t.tokenHash), index('pending_uploads_cleanup_idx').on(t.cleanupAt)],
);
export type PendingUpload = typeof pendingUploads.$inferSelect;
export const EVIDENCE_MIGRATION_STATES = ['uploading', 'uploaded', 'done', 'missing'] as const;

/**
 * Progress of `npm run evidence:migrate` (local disk → uploadthing), one row per storage
 * key, so an interrupted run resumes file by file: `uploading` (a copy may or may not be
 * up), `uploaded` (uploadthing holds a verified copy; the disk copy may remain), `done`
 * (only uploadthing holds it), `missing` (on neither side when the run looked).
 */
export const evidenceMigrations = sqliteTable('evidence_migrations', {
  storageKey: text('storage_key').primaryKey(),
  state: text('state', { enum: EVIDENCE_MIGRATION_STATES }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull(),
});

/** The handling officers of a case (penanggung jawab); several per case, set by admins or taken. */
export const caseAssignments = sqliteTable(
  'case_assignments',
  {
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    /** The admin who assigned, or the officer themself when they took the case. */
    assignedBy: integer('assigned_by').references(() => officers.id),
    assignedAt: integer('assigned_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.officerId] }), index('case_assignments_officer_idx').on(t.officerId, t.caseId)],
);
export type CaseAssignment = typeof caseAssignments.$inferSelect;

/**
 * An officer's declared conflict of interest on a case: from then on they are refused the
 * case everywhere (lib/cases/assignment-rules.ts). The reason may name a person, so it is
 * sealed under the case key.
 */
export const caseRecusals = sqliteTable(
  'case_recusals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    /** Content columns of this row hold case-key ciphertext. */
    sealed: integer('sealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('case_recusals_case_officer_idx').on(t.caseId, t.officerId), index('case_recusals_officer_idx').on(t.officerId)],
);
export type CaseRecusal = typeof caseRecusals.$inferSelect;

/**
 * What each officer last saw of a case: the newest reporter message shown when they last
 * opened it. A reporter message with a higher id marks the case "Balasan baru" for them.
 * Message ids only grow, so this cannot miss a reply written in the same second.
 */
export const caseReads = sqliteTable(
  'case_reads',
  {
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    officerId: integer('officer_id').notNull().references(() => officers.id),
    lastSeenMessageId: integer('last_seen_message_id').notNull().default(0),
    seenAt: integer('seen_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.officerId] })],
);
export type CaseRead = typeof caseReads.$inferSelect;
