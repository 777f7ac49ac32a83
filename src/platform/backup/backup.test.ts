import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../db/connect.ts';
import { appliedMigrations, migrate } from '../../db/migrate.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';

const UNICODE = 'Lützowstr. – ä ö ü ß 🚀';
const T = '2026-01-02 03:04:05.123456+00';

/** Representative rows in every table of the current schema, including values JS numbers cannot hold. */
const FIXTURES = `
INSERT INTO organisations (id, slug, name, is_demo, created_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'kok', 'KOK e.V., ${UNICODE}', false, '${T}'),
  ('00000000-0000-4000-8000-000000000002', 'ban-ying', 'Ban Ying', true, '1999-12-31 23:59:59.999999+00');
INSERT INTO users (id, email, name, role, organisation_id, password_hash, totp_secret, totp_enabled_at,
                   mfa_exempt, active, locale, is_demo, created_at, last_login_at) VALUES
  ('00000000-0000-4000-8000-000000000011', 'admin@kok.example', 'Ädmin 🚀', 'admin', NULL,
   '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'JBSWY3DPEHPK3PXP', '${T}', false, true, 'de', false,
   '${T}', '2026-03-04 05:06:07.000001+00'),
  ('00000000-0000-4000-8000-000000000012', 'member@kok.example', E'Zeile 1\\nZeile 2 "quoted" \\\\ back', 'member',
   '00000000-0000-4000-8000-000000000001', NULL, NULL, NULL, true, false, 'en', true, '${T}', NULL);
INSERT INTO recovery_codes (id, user_id, code_hash, used_at) VALUES
  ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000011', 'rc-hash-1', NULL),
  ('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000011', 'rc-hash-2', '${T}');
INSERT INTO sessions (id_hash, user_id, csrf_token, mfa_passed, created_at, last_seen_at, expires_at, ip, user_agent)
  VALUES ('session-hash-1', '00000000-0000-4000-8000-000000000011', 'csrf-1', true, '${T}', '${T}',
          '2026-01-09 03:04:05.654321+00', '2001:db8::1', 'Mozilla/5.0 (X11; Linux) – ${UNICODE}');
INSERT INTO invitations (id, token_hash, email, role, organisation_id, invited_by, created_at, expires_at, accepted_at)
  VALUES ('00000000-0000-4000-8000-000000000031', 'invite-hash', 'neu@kok.example', 'member',
          '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', '${T}', '${T}', NULL);
INSERT INTO password_resets (token_hash, user_id, created_at, expires_at, used_at)
  VALUES ('reset-hash', '00000000-0000-4000-8000-000000000012', '${T}', '${T}', '${T}');
INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at) VALUES
  ('00000000-0000-4000-8000-000000000041', '00000000-0000-4000-8000-000000000011', 'CI', 'token-hash', 'kok_ab12',
   '${T}', '2026-02-02 02:02:02.020202+00', NULL);
INSERT INTO rate_limits (key, window_start, hits) VALUES
  ('login:203.0.113.7', '${T}', 2147483647), ('login:203.0.113.7', '2026-01-02 03:05:00+00', 0);
INSERT INTO audit_log (seq, at, actor_id, actor_label, action, target_type, target_id, ip, meta, prev_hash, hash) VALUES
  (1, '${T}', NULL, 'system', 'platform.init', NULL, NULL, NULL, '{}', '', 'h1'),
  (2, '${T}', '00000000-0000-4000-8000-000000000011', 'Ädmin', 'user.update', 'user',
   '00000000-0000-4000-8000-000000000012', '203.0.113.7',
   '{"address": "${UNICODE}", "changes": {"roles": ["member", null], "nested": {"deep": [1, 2.50, {"x": true}]}},
     "big": 12345678901234567890.123456789012345678, "tiny": 1e-30, "empty": ""}', 'h1', 'h2'),
  (9007199254740993, '2026-01-02 03:04:05.999999+00', NULL, 'system', 'seq.beyond.js.numbers', NULL, NULL, NULL,
   '{"n": 9007199254740993}', 'h2', 'h3');
INSERT INTO pages (id, slug, locale, title, summary, body_md, nav_group, position, published, updated_at, updated_by)
  VALUES ('00000000-0000-4000-8000-000000000051', 'ueber-uns', 'de', 'Über uns', '${UNICODE}',
          E'# Über uns\\n\\nTab:\\there, \\u2028 and <b>html</b>', 'about', -3, false, '${T}',
          '00000000-0000-4000-8000-000000000011');
INSERT INTO page_revisions (id, page_id, title, summary, body_md, created_at, created_by) VALUES
  ('00000000-0000-4000-8000-000000000061', '00000000-0000-4000-8000-000000000051', 'Über uns', '', '# Alt', '${T}',
   '00000000-0000-4000-8000-000000000011'),
  ('00000000-0000-4000-8000-000000000062', '00000000-0000-4000-8000-000000000051', 'Über uns', 's', '# Neu',
   '2026-01-02 03:04:05.123457+00', NULL);
INSERT INTO mail_outbox (id, to_address, subject, body_text, status, attempts, last_error, next_attempt_at,
                         created_at, sent_at, transport) VALUES
  ('00000000-0000-4000-8000-000000000071', 'member@kok.example', 'Einladung – ${UNICODE}', E'Hallo,\\r\\nbitte…',
   'failed', 3, E'550 "no such user"\\n\\tat smtp', '${T}', '${T}', NULL, 'smtp'),
  ('00000000-0000-4000-8000-000000000072', 'admin@kok.example', 'Sent', 'Body', 'sent', 1, NULL, '${T}', '${T}',
   '${T}', 'log');
INSERT INTO stored_files (id, name, media_type, size, sha256, content, text_content, created_at, created_by) VALUES
  ('00000000-0000-4000-8000-000000000072', 'Bericht – ${UNICODE}.pdf', 'application/pdf', 6, 'ab', '\\x00ff10ce0a25'::bytea,
   'Seite 1', '${T}', NULL);
INSERT INTO newsletter_subscribers (id, email, locale, status, optin_token_hash, unsubscribe_token, created_at, confirmed_at) VALUES
  ('00000000-0000-4000-8000-000000000081', 'leserin@kok.example', 'de', 'active', NULL, 'tok-${UNICODE}', '${T}', '${T}');
INSERT INTO contact_messages (id, name, email, subject, message, locale, status, created_at, done_at) VALUES
  ('00000000-0000-4000-8000-000000000082', 'Name ${UNICODE}', 'a@kok.example', 'Betreff', E'Zeile 1\nZeile 2', 'de', 'done', '${T}', '${T}');
INSERT INTO office_team (id, name, role_de, role_en, areas_de, areas_en, email, position, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000083', 'Person ${UNICODE}', 'Referentin', 'Officer', 'Daten', 'Data', NULL, 9, '${T}', '${T}');
INSERT INTO settings (key, value, updated_at) VALUES
  ('site', '{"title": "KOK", "address": "${UNICODE}", "limits": [1, 2.0, 3.14159265358979323846], "off": null}', '${T}'),
  ('flag', 'true', '${T}'),
  ('counter', '98765432109876543210', '${T}');
INSERT INTO directory_centres (id, slug, name, description_de, organisation_id, is_member, shelter_status,
                               shelter_updated_at, targets, languages, lands, verified_at, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000081', 'fbs-test', 'FBS – ${UNICODE}', E'Zeile 1\\nZeile 2',
   '00000000-0000-4000-8000-000000000001', true, 'limited', '${T}', '{women,minors}', '{de,ro,"a,b"}', '{11,12}',
   '2026-02-03', '${T}', '${T}');
INSERT INTO directory_locations (id, centre_id, name, street, postal_code, city, land, latitude, longitude,
                                 city_latitude, city_longitude, address_privacy, accessibility, opening_hours) VALUES
  ('00000000-0000-4000-8000-000000000082', '00000000-0000-4000-8000-000000000081', 'Hauptstelle', 'Weg 1', '10785',
   'Berlin', '11', 52.5012345678901, 13.3712345678901, 52.52, 13.4, 'public', '{wheelchair}',
   '[{"byday": ["MO", "TU"], "opensAt": "09:00", "closesAt": "17:00"}]');
INSERT INTO directory_phones (id, centre_id, number, description, languages) VALUES
  ('00000000-0000-4000-8000-000000000083', '00000000-0000-4000-8000-000000000081', '+49 30 1234567', 'Krisentelefon',
   '{de,en}');
INSERT INTO directory_change_requests (id, centre_id, submitted_by, changes, status, comment, created_at) VALUES
  ('00000000-0000-4000-8000-000000000084', '00000000-0000-4000-8000-000000000081', NULL,
   '{"name": {"from": "A", "to": "B"}}', 'pending', '', '${T}');
INSERT INTO data_years (year, codebook, status, deadline, opened_at, closed_at, published_at, report) VALUES
  (2024, '2024', 'closed', '2025-03-31', '${T}', '${T}', '${T}', '{"year": 2024, "threshold": 5, "tables": []}'),
  (2025, '2025', 'open', NULL, '${T}', NULL, NULL, NULL);
INSERT INTO data_case_counters (organisation_id, year, last_number) VALUES
  ('00000000-0000-4000-8000-000000000001', 2025, 42);
INSERT INTO data_records (id, organisation_id, year, case_number, codebook, "values", status, created_at, updated_at)
  VALUES ('00000000-0000-4000-8000-000000000091', '00000000-0000-4000-8000-000000000001', 2025, '2025-0042', '2025',
          '{"sex": "female", "reporting_year": 2025, "exploitation_forms": ["sexual_exploitation", "other"]}', 'draft',
          '${T}', '${T}');
INSERT INTO data_reminders (year, organisation_id, stage, recipients, sent_at) VALUES
  (2025, '00000000-0000-4000-8000-000000000001', 'before_14', 2, '${T}');
INSERT INTO events (id, kind, title, description, audiences, topics, languages, format, address, online_url,
                    timezone, starts_at, ends_at, capacity, registration_deadline, published, is_demo, created_at,
                    updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000a1', 'general_assembly', 'Mitgliederversammlung, ${UNICODE}', E'Zeile\nzwei',
   '{Mitglieder}', '{Satzung,"Haushalt 2026"}', '{de,en}', 'hybrid', 'Kurfürstenstr. 33', 'https://meet.example/x',
   'Europe/Berlin', '${T}', '2026-01-02 06:04:05.123456+00', 2147483647, '2026-01-01 00:00:00+00', true, false,
   '${T}', '${T}');
INSERT INTO event_registrations (id, event_id, name, email, organisation, status, optin_token_hash,
                                 cancel_token_hash, created_at, optin_at, confirmed_at, cancelled_at) VALUES
  ('00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a1', '${UNICODE}', 'a@example.org', '',
   'confirmed', NULL, '${'c'.repeat(64)}', '${T}', '${T}', '${T}', NULL),
  ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a1', 'B', 'b@example.org', 'Org',
   'pending_optin', '${'d'.repeat(64)}', NULL, '${T}', NULL, NULL, NULL);
INSERT INTO event_feedback_tokens (token_hash, event_id, created_at) VALUES
  ('${'e'.repeat(64)}', '00000000-0000-4000-8000-0000000000a1', '${T}');
INSERT INTO event_feedback (id, event_id, ratings, comment, answered_on) VALUES
  ('00000000-0000-4000-8000-0000000000a4', '00000000-0000-4000-8000-0000000000a1', '{"overall": 5, "content": 3}',
   E'Gut – ${UNICODE}\nzweite Zeile', '2026-01-02');
INSERT INTO event_materials (id, event_id, file_id, title, visibility, created_at, created_by) VALUES
  ('00000000-0000-4000-8000-0000000000a5', '00000000-0000-4000-8000-0000000000a1',
   '00000000-0000-4000-8000-000000000072', 'Folien ${UNICODE}', 'participants', '${T}', NULL);
INSERT INTO caselaw_courts (id, name, type, place, land, jurisdiction, level) VALUES
  ('00000000-0000-4000-8000-000000000091', 'LG Köln', 'LG', 'Köln', '05', 'ordinary', 2);
INSERT INTO caselaw_decisions (id, doknr, ecli, court_id, chamber, decision_date, file_numbers, decision_type,
                               headnotes, reasons, legal_areas, status, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000092', 'JURE100055033', 'ECLI:DE:LGK:2020:0101.1', '00000000-0000-4000-8000-000000000091',
   '1. Kammer', '2020-01-01', '{"1 O 1/20","2 O 2/20"}', 'Urteil', '<p>${UNICODE}</p>',
   E'<dl class="RspDL"><dt><a name="rd_1">1</a></dt><dd><p>Zeile\n</p></dd></dl>', '{criminal}', 'published',
   '${T}', '${T}');
INSERT INTO caselaw_decision_norms (id, decision_id, book, section, paragraph, norm_key, raw) VALUES
  ('00000000-0000-4000-8000-000000000093', '00000000-0000-4000-8000-000000000092', 'StGB', '232a', '1',
   'StGB §232a Abs1', '§ 232a Abs. 1 StGB');
INSERT INTO caselaw_history (id, decision_id, at, actor_id, action, changed_fields, changes) VALUES
  ('00000000-0000-4000-8000-000000000094', '00000000-0000-4000-8000-000000000092', '${T}', NULL, 'update',
   '{tenor,reasons}', '[{"field":"tenor","before":"a","after":"${UNICODE}"}]');
INSERT INTO caselaw_anonymisation_confirmations (id, decision_id, kind, match, confirmed_by, confirmed_at) VALUES
  ('00000000-0000-4000-8000-000000000095', '00000000-0000-4000-8000-000000000092', 'address', '50667 Köln',
   NULL, '${T}');
INSERT INTO caselaw_alerts (id, user_id, name, query, frequency, unsubscribe_token, created_at, checked_until,
                            last_sent_at) VALUES
  ('00000000-0000-4000-8000-000000000095', '00000000-0000-4000-8000-000000000011', 'Neue Urteile ${UNICODE}',
   '{"q":"Menschenhandel","norm":"StGB §232a"}', 'weekly', '${'e'.repeat(43)}', '${T}', '${T}', NULL);
INSERT INTO network_news (id, slug, locale, category, title, summary, body_md, status, published_at, created_at,
                          updated_at, updated_by) VALUES
  ('00000000-0000-4000-8000-0000000000a1', 'neu-im-netzwerk', 'de', 'network', 'Neu – ${UNICODE}', 'Kurz',
   E'# Titel\n\n<script>x</script>', 'published', '2026-01-02 03:04:05.5+00', '${T}', '${T}',
   '00000000-0000-4000-8000-000000000011'),
  ('00000000-0000-4000-8000-0000000000a2', 'draft', 'en', 'press', 'Draft', '', 'Body', 'draft', NULL, '${T}',
   '${T}', NULL);
INSERT INTO network_members (id, organisation_id, type, membership, country, city, land, website, joined_on, status,
                             updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', 'specialised_counselling',
   'extraordinary', 'DE', 'Berlin – ${UNICODE}', 'BE', 'https://example.org/?a=1&b=2', '1999-12-31', 'admitted',
   '${T}');
INSERT INTO network_member_status_history (id, member_id, status, changed_on, note, created_at, created_by) VALUES
  ('00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000b1', 'applied', '1999-06-01',
   E'Antrag\nZeile 2', '${T}', NULL),
  ('00000000-0000-4000-8000-0000000000b3', '00000000-0000-4000-8000-0000000000b1', 'admitted', '1999-12-31', '',
   '${T}', '00000000-0000-4000-8000-000000000011');
INSERT INTO memberarea_assemblies (id, title, held_on, place, invitation_md, is_demo, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d1', 'Mitgliederversammlung 2024 – ${UNICODE}', '2024-04-30', 'Berlin',
   E'## Einladung\n\nLiebe Mitglieder', false, '${T}', '${T}');
INSERT INTO network_board_terms (id, person_name, role, term_start, term_end, elected_at, created_at,
                                 elected_assembly_id) VALUES
  ('00000000-0000-4000-8000-0000000000c1', 'Ä. Vorständin', 'Vorsitzende', '2024-05-01', '2027-04-30',
   'Mitgliederversammlung 2024', '${T}', '00000000-0000-4000-8000-0000000000d1');
INSERT INTO newsletter_sends (id, news_id, recipients, sent_at, sent_by) VALUES
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1', 42, '${T}', NULL);
INSERT INTO membership_fees (id, member_id, year, amount_cents, invoice_number, issued_on, due_on, paid_on,
                             reminded_at, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000b1', 2026, 25000, 'KOK-2026-001',
   '2026-01-15', '2026-03-31', NULL, '${T}', '${T}');
INSERT INTO training_requests (id, organisation, contact_name, email, phone, audiences, group_size, topics,
                               preferred_dates, format, land, message, locale, status, event_id, created_at,
                               updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d1', 'Landespolizei ${UNICODE}', 'K. Muster', 'k@example.org', '+49 30 1',
   '{state_police,bka}', 25, '{identification}', E'März\nvormittags', 'hybrid', '09', '', 'en', 'scheduled',
   '00000000-0000-4000-8000-0000000000a1', '${T}', '${T}');
INSERT INTO speakers (id, name, organisation, email, public_consent, topics, languages, regions, formats, fee_notes,
                      active, user_id, profile_token_hash, profile_token_expires_at, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d2', 'Ä. Referentin', '${UNICODE}', 'r@example.org', true,
   '{labour_exploitation}', '{de,ro}', '{nationwide,05}', '{talk,online}', 'Honorar nach Absprache', true,
   '00000000-0000-4000-8000-000000000011', '${'e'.repeat(64)}', '${T}', '${T}', '${T}');
INSERT INTO speaker_unavailability (id, speaker_id, starts_on, ends_on) VALUES
  ('00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-0000000000d2', '2026-07-01', '2026-07-31');
INSERT INTO speaker_requests (id, organisation, contact_name, email, phone, event_date, online, place, land,
                              audience, group_size, topic, language, format, message, locale, status, created_at,
                              updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d4', '', 'VHS', 'v@example.org', '', '2026-09-01', false, 'Köln', '05',
   'civil_society', 60, 'labour_exploitation', 'de', 'talk', '${UNICODE}', 'de', 'accepted', '${T}', '${T}');
INSERT INTO speaker_proposals (id, request_id, speaker_id, status, answer_token_hash, created_at, answered_at) VALUES
  ('00000000-0000-4000-8000-0000000000d5', '00000000-0000-4000-8000-0000000000d4',
   '00000000-0000-4000-8000-0000000000d2', 'accepted', NULL, '${T}', '${T}');
INSERT INTO referral_history (id, training_request_id, speaker_request_id, at, actor_id, actor_kind, action, status,
                              speaker_id, note) VALUES
  ('00000000-0000-4000-8000-0000000000d6', '00000000-0000-4000-8000-0000000000d1', NULL, '${T}',
   '00000000-0000-4000-8000-000000000011', 'office', 'note', NULL, NULL, E'Intern: ${UNICODE}'),
  ('00000000-0000-4000-8000-0000000000d7', NULL, '00000000-0000-4000-8000-0000000000d4', '${T}', NULL, 'speaker',
   'speaker_accepted', NULL, '00000000-0000-4000-8000-0000000000d2', '');
INSERT INTO memberarea_assembly_agenda (id, assembly_id, position, title) VALUES
  ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000d1', 1, 'Bericht des Vorstands');
INSERT INTO memberarea_assembly_attendance (assembly_id, organisation_id) VALUES
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-000000000001');
INSERT INTO memberarea_assembly_decisions (id, assembly_id, title, text, result, votes, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-0000000000d1', 'Haushalt', E'Zeile\nzwei',
   'adopted', '30 ja, 1 nein', '${T}');
INSERT INTO memberarea_groups (id, name, description, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000e1', 'AG Arbeitsausbeutung – ${UNICODE}', '', '${T}');
INSERT INTO memberarea_group_members (group_id, user_id, added_at) VALUES
  ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-000000000012', '${T}');
INSERT INTO memberarea_circulars (id, title, body_md, group_id, published_at, created_by, is_demo) VALUES
  ('00000000-0000-4000-8000-0000000000e2', 'Rundschreiben 1/2026', E'# Titel\n\n<script>x</script>', NULL, '${T}',
   '00000000-0000-4000-8000-000000000011', false),
  ('00000000-0000-4000-8000-0000000000e3', 'Nur für die AG', 'Text', '00000000-0000-4000-8000-0000000000e1', '${T}',
   NULL, true);
INSERT INTO memberarea_circular_comments (id, circular_id, user_id, body, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000e4', '00000000-0000-4000-8000-0000000000e2',
   '00000000-0000-4000-8000-000000000012', E'Danke!\n${UNICODE}', '${T}');
INSERT INTO memberarea_circular_reads (circular_id, user_id, read_at) VALUES
  ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-000000000012', '${T}');
INSERT INTO memberarea_notification_prefs (user_id, mode, last_digest_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000012', 'weekly', '${T}', '${T}'),
  ('00000000-0000-4000-8000-000000000011', 'none', NULL, '${T}');
INSERT INTO memberarea_folders (id, name, position, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000f1', 'Satzung und Ordnungen', -1, '${T}');
INSERT INTO memberarea_documents (id, title, description, access, folder_id, group_id, assembly_id, assembly_role,
                                  body_text, is_demo, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000f2', 'Protokoll – ${UNICODE}', '', 'board', '00000000-0000-4000-8000-0000000000f1',
   '00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000d1', 'minutes', E'Seite 1\nStraße',
   false, '${T}', '${T}');
INSERT INTO memberarea_document_versions (id, document_id, version, file_id, note, created_at, created_by) VALUES
  ('00000000-0000-4000-8000-0000000000f3', '00000000-0000-4000-8000-0000000000f2', 1,
   '00000000-0000-4000-8000-000000000072', 'erste Fassung', '${T}', '00000000-0000-4000-8000-000000000011');
INSERT INTO monitoring_instruments (id, slug, name_de, name_en, monitoring_body, position, is_demo, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000d1', 'greta', 'Europaratskonvention – ${UNICODE}', 'CoE Convention', 'GRETA', 2,
   false, '${T}');
INSERT INTO monitoring_rounds (id, instrument_id, label_de, label_en, report_year, is_demo, created_at) VALUES
  ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000d1', '3. Runde', 'Third round', 2024,
   false, '${T}');
INSERT INTO monitoring_recommendations (id, round_id, paragraph, text_de, text_en, addressee, topics, is_demo,
                                        created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-0000000000d2', '§ 12', E'Empfehlung\n„${UNICODE}“',
   '', 'Bund, Länder', '{identification,compensation}', false, '${T}', '${T}');
INSERT INTO monitoring_assessments (id, recommendation_id, status, assessed_on, reasoning, sources, created_at,
                                    created_by) VALUES
  ('00000000-0000-4000-8000-0000000000d4', '00000000-0000-4000-8000-0000000000d3', 'partially', '2025-02-28',
   'Begründung – ${UNICODE}', 'https://example.org', '${T}', '00000000-0000-4000-8000-000000000011');
INSERT INTO monitoring_submissions (id, instrument_id, round_id, title, submitted_on, locale, file_id, is_demo,
                                    created_at, created_by) VALUES
  ('00000000-0000-4000-8000-0000000000d5', '00000000-0000-4000-8000-0000000000d1',
   '00000000-0000-4000-8000-0000000000d2', 'Schattenbericht', '2023-11-30', 'de',
   '00000000-0000-4000-8000-000000000072', false, '${T}', NULL);
INSERT INTO publications (id, title, year, type, locale, summary, file_id, published, search, is_demo, created_at,
                          updated_at, updated_by) VALUES
  ('00000000-0000-4000-8000-0000000000e1', 'Bericht – ${UNICODE}', 2025, 'report', 'de', 'Kurz',
   '00000000-0000-4000-8000-000000000072', true, to_tsvector('german', 'Bericht Menschenhandel'), false, '${T}',
   '${T}', NULL);
INSERT INTO projects (id, slug, title_de, title_en, summary_de, summary_en, description_de, description_en,
                      starts_on, ends_on, funders, team, published, is_demo, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000e2', 'flucht', 'Flucht – ${UNICODE}', 'Flight', 'K', 'S', E'# A\n', '',
   '2023-01-01', NULL, 'BMFSFJ', 'A, B', true, false, '${T}', '${T}');
INSERT INTO project_links (project_id, kind, target_id) VALUES
  ('00000000-0000-4000-8000-0000000000e2', 'publication', '00000000-0000-4000-8000-0000000000e1');
INSERT INTO glossary_terms (id, slug, term_de, term_en, definition_de, definition_en, is_demo, updated_at) VALUES
  ('00000000-0000-4000-8000-0000000000e3', 'ausbeutung', 'Ausbeutung', 'Exploitation', 'Def – ${UNICODE}', 'Def',
   false, '${T}');
`;

async function fill(database: Database): Promise<void> {
  await sql.raw(FIXTURES).execute(database.db);
}

/** Every table's rows as PostgreSQL's own JSON text (in UTC, so both sides print instants alike), sorted. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('TimeZone', 'UTC', true)`.execute(trx);
    const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
      ORDER BY table_name`.execute(trx);
    const content: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await sql<{
        r: string;
      }>`SELECT to_jsonb(x)::text AS r FROM ${sql.id('public', name)} x`.execute(trx);
      content[name] = rows.rows.map((row) => row.r).sort();
    }
    return content;
  });
}

function rowCount(content: Record<string, string[]>): number {
  return Object.values(content).reduce((sum, rows) => sum + rows.length, 0);
}

/** Rewrites the header line of a backup file (to fake one made by another version). */
function rewriteHeader(from: string, to: string, change: (header: Record<string, unknown>) => void): void {
  const text = gunzipSync(fs.readFileSync(from)).toString('utf8');
  const newline = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, newline));
  change(header);
  fs.writeFileSync(to, gzipSync(JSON.stringify(header) + text.slice(newline)));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-backup-test-'));
const opened: Database[] = [];
async function fresh(): Promise<Database> {
  const database = await createTestDatabase();
  opened.push(database);
  return database;
}

let source: Database;
let sourceContent: Record<string, string[]>;
const file = path.join(dir, 'kok.backup');

beforeAll(async () => {
  source = await fresh();
  await fill(source);
  sourceContent = await snapshot(source);
});

afterAll(async () => {
  for (const database of opened) await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips every table exactly', async () => {
    const empty = Object.entries(sourceContent).filter(([, rows]) => rows.length === 0);
    // A table added by a later migration must get fixture rows here, or this test would prove nothing about it.
    expect(empty.map(([name]) => name)).toEqual([]);

    const written = await writeBackup(source, file);
    expect(written).toEqual({ tables: Object.keys(sourceContent).length, rows: rowCount(sourceContent) });

    const header = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')[0]!);
    expect(header).toMatchObject({ format: 'kok-backup', version: 1, engine: source.engine });
    expect(header.migrations).toEqual(await appliedMigrations(source.db));

    const target = await fresh();
    expect(await restoreBackup(target, file)).toEqual(written);
    expect(await snapshot(target)).toEqual(sourceContent);

    // Values beyond JS number precision arrive digit for digit.
    const big = await sql<{
      seq: string;
      meta: string;
    }>`SELECT seq::text AS seq, meta::text AS meta FROM audit_log
      WHERE seq > 2`.execute(target.db);
    expect(big.rows).toEqual([{ seq: '9007199254740993', meta: '{"n": 9007199254740993}' }]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('round-trips PGlite → PostgreSQL → PGlite', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `kok_backup_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const embedded = await connect({});
      opened.push(embedded);
      await migrate(embedded.db);
      await fill(embedded);
      const content = await snapshot(embedded);
      const first = path.join(dir, 'from-pglite.backup');
      await writeBackup(embedded, first);

      // A brand-new, unmigrated PostgreSQL database: restore migrates it first.
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const server = await connect({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        await restoreBackup(server, first);
        expect(await snapshot(server)).toEqual(content);
        const second = path.join(dir, 'from-postgres.backup');
        await writeBackup(server, second);

        const back = await connect({});
        opened.push(back);
        await restoreBackup(back, second);
        expect(await snapshot(back)).toEqual(content);
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('refuses a non-empty target and changes nothing', async () => {
    if (!fs.existsSync(file)) await writeBackup(source, file);
    const target = await fresh();
    await sql`INSERT INTO settings (key, value) VALUES ('keep', '1')`.execute(target.db);
    const before = await snapshot(target);

    const error = await restoreBackup(target, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/not empty \(rows in settings\)/);
    expect(await snapshot(target)).toEqual(before);
  });

  it('refuses files that are not backups, with a clear message', async () => {
    const target = await fresh();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'just some text\n');
    await expect(restoreBackup(target, text)).rejects.toThrow(/notes\.txt is not a KOK backup/);

    const gzippedJson = path.join(dir, 'other.json.gz');
    fs.writeFileSync(gzippedJson, gzipSync('{"hello":"world"}\n'));
    await expect(restoreBackup(target, gzippedJson)).rejects.toThrow(
      /other\.json\.gz is not a KOK backup\.$/,
    );

    await expect(restoreBackup(target, path.join(dir, 'missing.backup'))).rejects.toThrow(
      /missing\.backup does not exist/,
    );
    await expect(restoreBackup(target, text)).rejects.toBeInstanceOf(BackupError);
    expect(rowCount(await snapshot(target))).toBe(0);
  });

  it('refuses a damaged (truncated) backup and leaves the target empty', async () => {
    if (!fs.existsSync(file)) await writeBackup(source, file);
    const bytes = fs.readFileSync(file);
    const truncated = path.join(dir, 'truncated.backup');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 12));
    const target = await fresh();
    await expect(restoreBackup(target, truncated)).rejects.toThrow(/is not a KOK backup or is damaged/);
    expect(rowCount(await snapshot(target))).toBe(0);
  });

  it('refuses a backup whose migrations differ, naming the difference', async () => {
    if (!fs.existsSync(file)) await writeBackup(source, file);
    const target = await fresh();
    const applied = await appliedMigrations(target.db);

    const newer = path.join(dir, 'newer.backup');
    rewriteHeader(file, newer, (h) => {
      h.migrations = [...applied, '9999_future.sql'];
    });
    await expect(restoreBackup(target, newer)).rejects.toThrow(/newer version of KOK.*9999_future\.sql/);

    const older = path.join(dir, 'older.backup');
    rewriteHeader(file, older, (h) => {
      h.migrations = applied.slice(0, -1);
    });
    await expect(restoreBackup(target, older)).rejects.toThrow(
      new RegExp(`older version of KOK.*${applied.at(-1)!.replace('.', '\\.')}`),
    );
    expect(rowCount(await snapshot(target))).toBe(0);
  });

  it('pages through tables larger than one batch: composite keys, no key, self-references', async () => {
    // backup.ts reads and writes 2000 rows at a time; these tables span several batches.
    const extra = `
      CREATE TABLE backup_nokey (v text);
      CREATE TABLE backup_tree (id integer PRIMARY KEY, parent integer REFERENCES backup_tree (id))`;
    const from = await fresh();
    const to = await fresh();
    await sql.raw(extra).execute(from.db);
    await sql.raw(extra).execute(to.db);
    await sql
      .raw(`
      INSERT INTO rate_limits (key, window_start, hits)
        SELECT 'k' || (i % 7), '2026-01-01 00:00:00+00'::timestamptz + i * interval '1.000001 second', i
        FROM generate_series(1, 4500) i;
      INSERT INTO backup_nokey SELECT 'dup-' || (i % 3) FROM generate_series(1, 4100) i;
      -- Every row refers to the next one, which comes later in the file (and in a later batch).
      INSERT INTO backup_tree SELECT i, CASE WHEN i < 4500 THEN i + 1 END FROM generate_series(1, 4500) i`)
      .execute(from.db);
    const bigFile = path.join(dir, 'big.backup');
    const written = await writeBackup(from, bigFile);
    expect(written.rows).toBe(4500 + 4100 + 4500);
    expect(await restoreBackup(to, bigFile)).toEqual(written);
    expect(await snapshot(to)).toEqual(await snapshot(from));
  });

  it('continues serial and identity sequences after the restored maximum', async () => {
    const probe = `
      CREATE TABLE backup_seq_probe (
        id bigserial PRIMARY KEY,
        n integer GENERATED ALWAYS AS IDENTITY,
        v text,
        v_upper text GENERATED ALWAYS AS (upper(v)) STORED
      );
      CREATE TABLE backup_seq_empty (id serial PRIMARY KEY)`;
    const from = await fresh();
    const to = await fresh();
    await sql.raw(probe).execute(from.db);
    await sql.raw(probe).execute(to.db);
    await sql`INSERT INTO backup_seq_probe (v) VALUES ('a'), ('b'), ('c')`.execute(from.db);
    const probeFile = path.join(dir, 'probe.backup');
    await writeBackup(from, probeFile);
    await restoreBackup(to, probeFile);
    expect(await snapshot(to)).toEqual(await snapshot(from));

    const next = await sql<{
      id: string;
      n: number;
      v_upper: string;
    }>`INSERT INTO backup_seq_probe (v) VALUES ('d')
      RETURNING id::text AS id, n, v_upper`.execute(to.db);
    expect(next.rows).toEqual([{ id: '4', n: 4, v_upper: 'D' }]);
    const first = await sql<{ id: number }>`INSERT INTO backup_seq_empty DEFAULT VALUES RETURNING id`.execute(
      to.db,
    );
    expect(first.rows).toEqual([{ id: 1 }]);
  });
});
