import { z } from 'zod';

const email = z.string().trim().toLowerCase().max(254).email('validation.email');
export const passwordSchema = z
  .string()
  .min(12, 'validation.password_too_short')
  .max(256, 'validation.password_too_long');

export const loginSchema = z.object({
  email,
  password: z.string().min(1).max(256),
  next: z.string().max(500).optional(),
});

export const codeSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .transform((v) => v.replace(/\s+/g, '')),
});

export const forgotSchema = z.object({ email });

export const newPasswordSchema = z
  .object({ password: passwordSchema, password_repeat: z.string().max(256) })
  .refine((v) => v.password === v.password_repeat, {
    path: ['password_repeat'],
    message: 'validation.password_mismatch',
  });

export const acceptInvitationSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    password: passwordSchema,
    password_repeat: z.string().max(256),
  })
  .refine((v) => v.password === v.password_repeat, {
    path: ['password_repeat'],
    message: 'validation.password_mismatch',
  });

export const changePasswordSchema = z
  .object({
    current_password: z.string().min(1).max(256),
    password: passwordSchema,
    password_repeat: z.string().max(256),
  })
  .refine((v) => v.password === v.password_repeat, {
    path: ['password_repeat'],
    message: 'validation.password_mismatch',
  });

export const tokenNameSchema = z.object({ name: z.string().trim().min(2).max(80) });

/** Only local paths are followed after login: never an open redirect to another host. */
export function safeNext(next: string | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  return next;
}
