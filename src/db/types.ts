import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

/** Column types of the tables, as Kysely sees them. One interface per table, named after it. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type Role = 'member' | 'member_admin' | 'board' | 'office' | 'admin';
export type Locale = 'de' | 'en';

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: Generated<string>;
  role: Role;
  organisation_id: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  mfa_exempt: Generated<boolean>;
  active: Generated<boolean>;
  locale: Generated<Locale>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  last_login_at: Timestamp | null;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_passed: Generated<boolean>;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  invited_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RateLimitsTable {
  key: string;
  window_start: Timestamp;
  hits: Generated<number>;
}

export interface AuditLogTable {
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  meta: Json;
  prev_hash: string;
  hash: string;
}

export interface PagesTable {
  id: Generated<string>;
  slug: string;
  locale: Locale;
  title: string;
  summary: Generated<string>;
  body_md: string;
  nav_group: Generated<string>;
  position: Generated<number>;
  published: Generated<boolean>;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface PageRevisionsTable {
  id: Generated<string>;
  page_id: string;
  title: string;
  summary: Generated<string>;
  body_md: string;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  body_text: string;
  status: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  transport: string | null;
  attachments: ColumnType<MailAttachment[], string | undefined, string>;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
}

/** An attachment as stored in the outbox: content base64-encoded so it travels inside jsonb. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

export interface StoredFilesTable {
  id: Generated<string>;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  text_content: string | null;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface SettingsTable {
  key: string;
  value: Json;
  updated_at: DefaultTimestamp;
}

export interface DirectoryCentresTable {
  id: Generated<string>;
  slug: string;
  name: string;
  alternate_name: Generated<string>;
  description_de: Generated<string>;
  description_en: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  organisation_id: string | null;
  is_member: Generated<boolean>;
  online_counselling: Generated<boolean>;
  online_url: Generated<string>;
  shelter_status: Generated<'available' | 'limited' | 'none' | 'unknown'>;
  shelter_updated_at: Timestamp | null;
  targets: Generated<string[]>;
  exploitation: Generated<string[]>;
  services: Generated<string[]>;
  languages: Generated<string[]>;
  lands: Generated<string[]>;
  nationwide: Generated<boolean>;
  verified_at: ColumnType<string | null, string | null | undefined, string | null>;
  verify_reminder_sent_at: Timestamp | null;
  published: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DirectoryLocationsTable {
  id: Generated<string>;
  centre_id: string;
  name: Generated<string>;
  street: Generated<string>;
  postal_code: Generated<string>;
  city: string;
  land: string;
  latitude: number | null;
  longitude: number | null;
  city_latitude: number | null;
  city_longitude: number | null;
  address_privacy: Generated<'public' | 'city' | 'on_request'>;
  accessibility: Generated<string[]>;
  opening_hours: ColumnType<unknown, string | undefined, string>;
  position: Generated<number>;
}

export interface DirectoryPhonesTable {
  id: Generated<string>;
  centre_id: string;
  number: string;
  description: Generated<string>;
  languages: Generated<string[]>;
  position: Generated<number>;
}

export interface DirectoryChangeRequestsTable {
  id: Generated<string>;
  centre_id: string;
  submitted_by: string | null;
  changes: Json;
  status: Generated<'pending' | 'approved' | 'returned'>;
  comment: Generated<string>;
  created_at: DefaultTimestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface CaselawCourtsTable {
  id: Generated<string>;
  name: string;
  type: string;
  place: Generated<string>;
  land: string | null;
  jurisdiction: string;
  level: number;
}

export interface CaselawDecisionsTable {
  id: Generated<string>;
  doknr: string | null;
  ecli: string | null;
  court_id: string;
  chamber: Generated<string>;
  decision_date: ColumnType<string, string, string>;
  file_numbers: Generated<string[]>;
  decision_type: Generated<string>;
  title: Generated<string>;
  headnotes: Generated<string>;
  tenor: Generated<string>;
  facts: Generated<string>;
  reasons: Generated<string>;
  dissent: Generated<string>;
  summary_de: Generated<string>;
  summary_en: Generated<string>;
  legal_areas: Generated<string[]>;
  exploitation: Generated<string[]>;
  outcome: Generated<string>;
  source: Generated<string>;
  lower_instances: Generated<string[]>;
  status: Generated<'draft' | 'review' | 'published'>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  search: ColumnType<string, never, never>;
}

export interface CaselawDecisionNormsTable {
  id: Generated<string>;
  decision_id: string;
  book: string | null;
  section: string;
  paragraph: string | null;
  sentence: string | null;
  number: string | null;
  letter: string | null;
  norm_key: string;
  raw: Generated<string>;
  position: Generated<number>;
}

export interface CaselawHistoryTable {
  id: Generated<string>;
  decision_id: string;
  at: DefaultTimestamp;
  actor_id: string | null;
  action: string;
  changed_fields: Generated<string[]>;
}

export interface DB {
  organisations: OrganisationsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  pages: PagesTable;
  page_revisions: PageRevisionsTable;
  mail_outbox: MailOutboxTable;
  stored_files: StoredFilesTable;
  settings: SettingsTable;
  directory_centres: DirectoryCentresTable;
  directory_locations: DirectoryLocationsTable;
  directory_phones: DirectoryPhonesTable;
  directory_change_requests: DirectoryChangeRequestsTable;
  caselaw_courts: CaselawCourtsTable;
  caselaw_decisions: CaselawDecisionsTable;
  caselaw_decision_norms: CaselawDecisionNormsTable;
  caselaw_history: CaselawHistoryTable;
  data_years: DataYearsTable;
  data_case_counters: DataCaseCountersTable;
  data_records: DataRecordsTable;
  data_reminders: DataRemindersTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  network_news: NetworkNewsTable;
  network_members: NetworkMembersTable;
  network_member_status_history: NetworkMemberStatusHistoryTable;
  network_board_terms: NetworkBoardTermsTable;
}

type DateText = ColumnType<string, string, string>;

export interface NetworkNewsTable {
  id: Generated<string>;
  slug: string;
  locale: Locale;
  category: string;
  title: string;
  summary: Generated<string>;
  body_md: string;
  status: Generated<'draft' | 'published'>;
  published_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface NetworkMembersTable {
  id: Generated<string>;
  organisation_id: string;
  type: string;
  membership: Generated<'ordinary' | 'extraordinary'>;
  country: Generated<string>;
  city: Generated<string>;
  land: string | null;
  website: string | null;
  joined_on: DateText | null;
  status: Generated<'applied' | 'admitted' | 'left'>;
  updated_at: DefaultTimestamp;
}

export interface NetworkMemberStatusHistoryTable {
  id: Generated<string>;
  member_id: string;
  status: 'applied' | 'admitted' | 'left';
  changed_on: DateText;
  note: Generated<string>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface NetworkBoardTermsTable {
  id: Generated<string>;
  person_name: string;
  role: Generated<string>;
  term_start: DateText;
  term_end: DateText;
  elected_at: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface DataYearsTable {
  year: number;
  codebook: string;
  status: Generated<'open' | 'closed'>;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  opened_at: DefaultTimestamp;
  closed_at: Timestamp | null;
  published_at: Timestamp | null;
  report: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface DataCaseCountersTable {
  organisation_id: string;
  year: number;
  last_number: Generated<number>;
}

export interface DataRecordsTable {
  id: Generated<string>;
  organisation_id: string;
  year: number;
  case_number: string;
  codebook: string;
  values: Json;
  status: Generated<'draft' | 'complete' | 'released' | 'locked'>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DataRemindersTable {
  year: number;
  organisation_id: string;
  /** `before_14` (automatic, 14 days before the deadline) or `manual_2026-03-01` (the office's button). */
  stage: string;
  recipients: number;
  sent_at: DefaultTimestamp;
}

/** A connection or an open transaction: use cases take this so callers decide the transaction boundary. */
export type Db = Kysely<DB> | Transaction<DB>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Page = Selectable<PagesTable>;

export type EventKind = 'training' | 'specialist' | 'webinar' | 'practice_day' | 'general_assembly';
export type EventFormat = 'in_person' | 'online' | 'hybrid';
export type RegistrationStatus = 'pending_optin' | 'confirmed' | 'waitlisted' | 'cancelled';

export interface EventsTable {
  id: Generated<string>;
  kind: EventKind;
  title: string;
  description: Generated<string>;
  audiences: Generated<string[]>;
  topics: Generated<string[]>;
  languages: Generated<string[]>;
  format: EventFormat;
  address: Generated<string>;
  online_url: Generated<string>;
  timezone: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number;
  registration_deadline: Timestamp | null;
  published: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** Anonymous counts by registration status, kept when the personal data is deleted. */
  participant_counts: ColumnType<unknown, string | null | undefined, string | null>;
  personal_data_deleted_at: Timestamp | null;
}

export interface EventRegistrationsTable {
  id: Generated<string>;
  event_id: string;
  name: string;
  email: string;
  organisation: Generated<string>;
  status: Generated<RegistrationStatus>;
  optin_token_hash: string | null;
  cancel_token_hash: string | null;
  created_at: DefaultTimestamp;
  optin_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
}
