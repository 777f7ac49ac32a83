import type { Role } from '../db/types.ts';

export const roles: readonly Role[] = ['member', 'member_admin', 'board', 'office', 'admin'];

/**
 * Every permission the platform checks, and the roles that hold it. Routes name a permission, never a role,
 * so this table is the single place that says who may do what (tested as a matrix in test/integration).
 */
export const permissionRoles = {
  'account:use': ['member', 'member_admin', 'board', 'office', 'admin'],
  'pages:edit': ['office'],
  'users:invite': ['member_admin', 'admin'],
  'users:manage_all': ['admin'],
  'orgs:manage': ['admin', 'office'],
  'audit:read': ['admin'],
  'outbox:read': ['admin'],
  'settings:edit': ['admin'],
  /** Opening anonymised case records (data collection): such accounts must use two-factor authentication. */
  'cases:open': ['member', 'member_admin', 'office'],
  /** A centre's staff propose changes to their organisation's directory entry (reviewed by the office). */
  'directory:edit_own': ['member', 'member_admin'],
  /** Edit every directory entry directly and review the centres' change requests. */
  'directory:manage': ['office'],
  /** Enter, release and delete the own organisation's anonymised case records (Datenerhebung). */
  'data:enter': ['member', 'member_admin'],
  /** Open and close reporting years, see participation counts, produce and publish the data report. */
  'data:office': ['office'],
  /** Read-only view of the reporting years and the produced (also unpublished) report: board, office, admin. */
  'data:read': ['board', 'office', 'admin'],
  /** Set the disclosure threshold k of the data report. */
  'data:threshold': ['office', 'admin'],
  /** See participation per centre with the centres' names (the office sees it without names). */
  'data:centres': ['admin'],
  /** Write, schedule and publish the news posts (Aktuelles). */
  'news:edit': ['office'],
  /** Keep the register of member organisations and the board's terms. */
  'members:manage': ['office'],
  /** Create and edit events, see their participant lists (Veranstaltungen). */
  'events:manage': ['office'],
  /** Send news posts as the newsletter and see subscriber counts (never the addresses). */
  'newsletter:send': ['office'],
  /** Read and close the messages sent through the contact form. */
  'contact:read': ['office'],
  /** Invoice the yearly membership fees, record payments, send reminders. */
  'fees:manage': ['office'],
  /** Work training and speaker requests, keep the speaker pool, see the yearly request statistics. */
  'referral:manage': ['office', 'admin'],
  /** Upload, edit, review and publish court decisions (Rechtsprechungsdatenbank). */
  'caselaw:edit': ['office'],
  /** Submit a decision for the office to review. */
  'caselaw:submit': ['member', 'member_admin'],
  /** The member area: circulars, the document library, working groups, contacts, general assemblies. */
  'memberarea:use': ['member', 'member_admin', 'board', 'office'],
  /** Write circulars, upload documents, keep working groups and general assemblies. */
  'memberarea:manage': ['office'],
  /** Keep the convention monitoring: instruments, rounds, recommendations, assessments, shadow reports. */
  'monitoring:edit': ['office'],
  /** Upload and edit the publications library. */
  'publications:edit': ['office'],
  /** Keep the office's projects and their links. */
  'projects:edit': ['office'],
  /** Keep the glossary. */
  'glossary:edit': ['office'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

export function can(role: Role, permission: Permission): boolean {
  return (permissionRoles[permission] as readonly Role[]).includes(role);
}

/** Roles that must set up TOTP before they can do anything else (DOMAIN.md: office, admin, case records). */
export function requiresTwoFactor(role: Role): boolean {
  return role === 'office' || role === 'admin' || can(role, 'cases:open');
}

/** Which roles an inviter may hand out. */
export function invitableRoles(inviter: Role): Role[] {
  if (can(inviter, 'users:manage_all')) return [...roles];
  if (inviter === 'member_admin') return ['member', 'member_admin'];
  return [];
}

export const memberRoles: readonly Role[] = ['member', 'member_admin'];
