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
  /** Set by a trigger when the status becomes `published` (migration 0015). */
  published_at: ColumnType<Date | null, never, never>;
  search: ColumnType<string, never, never>;
  /** Plain text of what people read first, for result snippets (generated, migration 0021). */
  lead_text: ColumnType<string, never, never>;
  original_file_id: string | null;
  original_public: Generated<boolean>;
  submitted_by: string | null;
  submission_note: Generated<string>;
  acts: Generated<string[]>;
  means: Generated<string[]>;
  purposes: Generated<string[]>;
  sentence: Generated<string>;
  /** numeric: read as text so that cents stay exact. */
  compensation_eur: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  victims_count: number | null;
  victims_sex: Generated<string[]>;
  victims_nationalities: Generated<string[]>;
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
  changes: ColumnType<FieldChange[], string | undefined, string>;
}

/** One field of a decision changed by an edit (caselaw_history.changes). */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface CaselawAnonymisationConfirmationsTable {
  id: Generated<string>;
  decision_id: string;
  kind: 'name' | 'birth_date' | 'address' | 'phone' | 'email';
  match: string;
  confirmed_by: string | null;
  confirmed_at: DefaultTimestamp;
}

export interface NewsletterSubscribersTable {
  id: Generated<string>;
  email: string;
  locale: Locale;
  status: Generated<'pending' | 'active'>;
  optin_token_hash: string | null;
  unsubscribe_token: string;
  created_at: DefaultTimestamp;
  confirmed_at: Timestamp | null;
}

export interface NewsletterSendsTable {
  id: Generated<string>;
  news_id: string;
  recipients: number;
  sent_at: DefaultTimestamp;
  sent_by: string | null;
}

export interface ContactMessagesTable {
  id: Generated<string>;
  name: string;
  email: string;
  subject: string;
  message: string;
  locale: Locale;
  status: Generated<'new' | 'done'>;
  created_at: DefaultTimestamp;
  done_at: Timestamp | null;
}

export interface MembershipFeesTable {
  id: Generated<string>;
  member_id: string;
  year: number;
  amount_cents: number;
  invoice_number: string;
  issued_on: ColumnType<string, string, string>;
  due_on: ColumnType<string, string, string>;
  paid_on: ColumnType<string | null, string | null | undefined, string | null>;
  reminded_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface OfficeTeamTable {
  id: Generated<string>;
  name: string;
  role_de: string;
  role_en: Generated<string>;
  areas_de: Generated<string>;
  areas_en: Generated<string>;
  email: string | null;
  position: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CaselawAlertsTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: ColumnType<Record<string, string>, string, string>;
  frequency: 'daily' | 'weekly';
  unsubscribe_token: string;
  created_at: DefaultTimestamp;
  checked_until: DefaultTimestamp;
  last_sent_at: Timestamp | null;
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
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_sends: NewsletterSendsTable;
  contact_messages: ContactMessagesTable;
  membership_fees: MembershipFeesTable;
  office_team: OfficeTeamTable;
  settings: SettingsTable;
  directory_centres: DirectoryCentresTable;
  directory_locations: DirectoryLocationsTable;
  directory_phones: DirectoryPhonesTable;
  directory_change_requests: DirectoryChangeRequestsTable;
  caselaw_courts: CaselawCourtsTable;
  caselaw_decisions: CaselawDecisionsTable;
  caselaw_decision_norms: CaselawDecisionNormsTable;
  caselaw_history: CaselawHistoryTable;
  caselaw_anonymisation_confirmations: CaselawAnonymisationConfirmationsTable;
  caselaw_alerts: CaselawAlertsTable;
  data_years: DataYearsTable;
  data_case_counters: DataCaseCountersTable;
  data_records: DataRecordsTable;
  data_reminders: DataRemindersTable;
  events: EventsTable;
  event_registrations: EventRegistrationsTable;
  event_feedback_tokens: EventFeedbackTokensTable;
  event_feedback: EventFeedbackTable;
  event_materials: EventMaterialsTable;
  network_news: NetworkNewsTable;
  network_members: NetworkMembersTable;
  network_member_status_history: NetworkMemberStatusHistoryTable;
  network_board_terms: NetworkBoardTermsTable;
  training_requests: TrainingRequestsTable;
  speakers: SpeakersTable;
  speaker_unavailability: SpeakerUnavailabilityTable;
  speaker_requests: SpeakerRequestsTable;
  speaker_proposals: SpeakerProposalsTable;
  referral_history: ReferralHistoryTable;
  memberarea_groups: MemberareaGroupsTable;
  memberarea_group_members: MemberareaGroupMembersTable;
  memberarea_circulars: MemberareaCircularsTable;
  memberarea_circular_comments: MemberareaCircularCommentsTable;
  memberarea_circular_reads: MemberareaCircularReadsTable;
  memberarea_notification_prefs: MemberareaNotificationPrefsTable;
  memberarea_folders: MemberareaFoldersTable;
  memberarea_documents: MemberareaDocumentsTable;
  memberarea_document_versions: MemberareaDocumentVersionsTable;
  memberarea_assemblies: MemberareaAssembliesTable;
  memberarea_assembly_agenda: MemberareaAssemblyAgendaTable;
  memberarea_assembly_attendance: MemberareaAssemblyAttendanceTable;
  memberarea_assembly_decisions: MemberareaAssemblyDecisionsTable;
  monitoring_instruments: MonitoringInstrumentsTable;
  monitoring_rounds: MonitoringRoundsTable;
  monitoring_recommendations: MonitoringRecommendationsTable;
  monitoring_assessments: MonitoringAssessmentsTable;
  monitoring_submissions: MonitoringSubmissionsTable;
  publications: PublicationsTable;
  projects: ProjectsTable;
  project_links: ProjectLinksTable;
  glossary_terms: GlossaryTermsTable;
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
  /** The general assembly that elected this term (member area), if recorded. */
  elected_assembly_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type DocumentAccess = 'public' | 'members' | 'board' | 'office';
export type NotificationMode = 'immediate' | 'weekly' | 'none';
export type DecisionResult = 'adopted' | 'rejected' | 'deferred';

export interface MemberareaGroupsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface MemberareaGroupMembersTable {
  group_id: string;
  user_id: string;
  added_at: DefaultTimestamp;
}

export interface MemberareaCircularsTable {
  id: Generated<string>;
  title: string;
  body_md: string;
  group_id: string | null;
  published_at: DefaultTimestamp;
  created_by: string | null;
  is_demo: Generated<boolean>;
}

export interface MemberareaCircularCommentsTable {
  id: Generated<string>;
  circular_id: string;
  user_id: string | null;
  body: string;
  created_at: DefaultTimestamp;
}

export interface MemberareaCircularReadsTable {
  circular_id: string;
  user_id: string;
  read_at: DefaultTimestamp;
}

export interface MemberareaNotificationPrefsTable {
  user_id: string;
  mode: NotificationMode;
  last_digest_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}

export interface MemberareaFoldersTable {
  id: Generated<string>;
  name: string;
  position: Generated<number>;
  created_at: DefaultTimestamp;
}

export interface MemberareaDocumentsTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  access: DocumentAccess;
  folder_id: string | null;
  group_id: string | null;
  assembly_id: string | null;
  assembly_role: 'invitation' | 'minutes' | 'other' | null;
  body_text: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  search: ColumnType<string, never, never>;
}

export interface MemberareaDocumentVersionsTable {
  id: Generated<string>;
  document_id: string;
  version: number;
  file_id: string;
  note: Generated<string>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface MemberareaAssembliesTable {
  id: Generated<string>;
  title: string;
  held_on: DateText;
  place: Generated<string>;
  invitation_md: Generated<string>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MemberareaAssemblyAgendaTable {
  id: Generated<string>;
  assembly_id: string;
  position: number;
  title: string;
}

export interface MemberareaAssemblyAttendanceTable {
  assembly_id: string;
  organisation_id: string;
}

export interface MemberareaAssemblyDecisionsTable {
  id: Generated<string>;
  assembly_id: string;
  title: string;
  text: Generated<string>;
  result: DecisionResult;
  votes: Generated<string>;
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
  locale: Generated<Locale>;
  attended: Generated<boolean>;
  reminder_sent_at: Timestamp | null;
  followup_sent_at: Timestamp | null;
  access_token_hash: string | null;
}

export interface EventFeedbackTokensTable {
  token_hash: string;
  event_id: string;
  created_at: DefaultTimestamp;
}

export interface EventFeedbackTable {
  id: Generated<string>;
  event_id: string;
  ratings: ColumnType<Record<string, number>, string, string>;
  comment: Generated<string>;
  answered_on: ColumnType<string, string | undefined, string>;
}

export type MaterialVisibility = 'participants' | 'public';

export interface EventMaterialsTable {
  id: Generated<string>;
  event_id: string;
  file_id: string;
  title: string;
  visibility: MaterialVisibility;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export type TrainingRequestStatus = 'new' | 'in_clarification' | 'scheduled' | 'declined';
export type SpeakerRequestStatus = 'new' | 'proposed' | 'accepted' | 'declined' | 'closed';
export type ProposalStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';
export type SpeakerFormat = 'talk' | 'workshop' | 'panel' | 'online';

export interface TrainingRequestsTable {
  id: Generated<string>;
  organisation: string;
  contact_name: string;
  email: string;
  phone: Generated<string>;
  audiences: Generated<string[]>;
  group_size: number;
  topics: Generated<string[]>;
  preferred_dates: Generated<string>;
  format: EventFormat;
  land: string | null;
  message: Generated<string>;
  locale: Generated<Locale>;
  status: Generated<TrainingRequestStatus>;
  event_id: string | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SpeakersTable {
  id: Generated<string>;
  name: string;
  organisation: Generated<string>;
  email: string;
  public_consent: Generated<boolean>;
  topics: Generated<string[]>;
  languages: Generated<string[]>;
  regions: Generated<string[]>;
  formats: Generated<string[]>;
  fee_notes: Generated<string>;
  active: Generated<boolean>;
  user_id: string | null;
  profile_token_hash: string | null;
  profile_token_expires_at: Timestamp | null;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SpeakerUnavailabilityTable {
  id: Generated<string>;
  speaker_id: string;
  starts_on: DateText;
  ends_on: DateText;
}

export interface SpeakerRequestsTable {
  id: Generated<string>;
  organisation: Generated<string>;
  contact_name: string;
  email: string;
  phone: Generated<string>;
  event_date: DateText;
  online: Generated<boolean>;
  place: Generated<string>;
  land: string | null;
  audience: string;
  group_size: number;
  topic: string;
  language: string;
  format: SpeakerFormat;
  message: Generated<string>;
  locale: Generated<Locale>;
  status: Generated<SpeakerRequestStatus>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SpeakerProposalsTable {
  id: Generated<string>;
  request_id: string;
  speaker_id: string;
  status: Generated<ProposalStatus>;
  answer_token_hash: string | null;
  created_at: DefaultTimestamp;
  answered_at: Timestamp | null;
}

export interface ReferralHistoryTable {
  id: Generated<string>;
  training_request_id: string | null;
  speaker_request_id: string | null;
  at: DefaultTimestamp;
  actor_id: string | null;
  actor_kind: 'office' | 'requester' | 'speaker' | 'system';
  action: string;
  status: string | null;
  speaker_id: string | null;
  note: Generated<string>;
}

export type AssessmentStatus = 'not_implemented' | 'partially' | 'implemented';

export interface MonitoringInstrumentsTable {
  id: Generated<string>;
  slug: string;
  name_de: string;
  name_en: string;
  monitoring_body: Generated<string>;
  position: Generated<number>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface MonitoringRoundsTable {
  id: Generated<string>;
  instrument_id: string;
  label_de: string;
  label_en: string;
  report_year: number;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface MonitoringRecommendationsTable {
  id: Generated<string>;
  round_id: string;
  paragraph: Generated<string>;
  text_de: string;
  text_en: Generated<string>;
  addressee: Generated<string>;
  topics: Generated<string[]>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MonitoringAssessmentsTable {
  id: Generated<string>;
  recommendation_id: string;
  status: AssessmentStatus;
  assessed_on: ColumnType<string, string, string>;
  reasoning: string;
  sources: Generated<string>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export interface MonitoringSubmissionsTable {
  id: Generated<string>;
  instrument_id: string;
  round_id: string | null;
  title: string;
  submitted_on: ColumnType<string, string, string>;
  locale: Generated<Locale>;
  file_id: string;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  created_by: string | null;
}

export type PublicationType =
  | 'report'
  | 'statement'
  | 'factsheet'
  | 'info_service'
  | 'data_report'
  | 'annual_review';

export interface PublicationsTable {
  id: Generated<string>;
  title: string;
  year: number;
  type: PublicationType;
  locale: Generated<'de' | 'en' | 'multi'>;
  summary: Generated<string>;
  file_id: string | null;
  published: Generated<boolean>;
  search: ColumnType<string, never, never>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  updated_by: string | null;
}

export interface ProjectsTable {
  id: Generated<string>;
  slug: string;
  title_de: string;
  title_en: Generated<string>;
  summary_de: Generated<string>;
  summary_en: Generated<string>;
  description_de: Generated<string>;
  description_en: Generated<string>;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  funders: Generated<string>;
  team: Generated<string>;
  published: Generated<boolean>;
  is_demo: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProjectLinksTable {
  project_id: string;
  kind: 'publication' | 'event' | 'news';
  target_id: string;
}

export interface GlossaryTermsTable {
  id: Generated<string>;
  slug: string;
  term_de: string;
  term_en: string;
  definition_de: string;
  definition_en: string;
  is_demo: Generated<boolean>;
  updated_at: DefaultTimestamp;
}
