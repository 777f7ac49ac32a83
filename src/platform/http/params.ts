import { notFound } from '../errors.ts';
import type { Ctx } from './env.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name anything: answer 404 before the database sees it. */
export function uuidParam(c: Ctx, name: string): string {
  const value = c.req.param(name);
  if (!value || !UUID.test(value)) throw notFound();
  return value.toLowerCase();
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
