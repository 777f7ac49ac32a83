/** The answers of `/api/v1/me` and `/api/v1/pages` (the handlers are typed against them; OpenAPI reads them). */
import { z } from 'zod';
import type { Role } from '../../db/types.ts';
import { roles } from '../../platform/permissions.ts';

export const meResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles as [Role, ...Role[]]),
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  two_factor: z.boolean(),
});

export const pagesQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });

export const pagesResponseSchema = z.object({
  pages: z.array(
    z.object({
      slug: z.string(),
      locale: z.enum(['de', 'en']),
      title: z.string(),
      summary: z.string(),
      html: z.string().describe('the page body rendered from Markdown, sanitised'),
      updated_at: z.string(),
    }),
  ),
});
