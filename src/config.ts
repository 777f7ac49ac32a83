import { z } from 'zod';

/** Every environment variable the platform reads, validated once at boot (documented in .env.example). */
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  KOK_DEMO: flag.default(true),
  KOK_ADMIN_EMAIL: z.string().email().optional(),
  KOK_ADMIN_PASSWORD: z.string().min(12).optional(),
  KOK_PUBLIC_URL: z.string().url().optional(),
  KOK_TRUST_PROXY: flag.default(false),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('KOK-Plattform <noreply@localhost>'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Months after an event's end until its participants' personal data is deleted (counts stay). */
  EVENT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(60).default(6),
  /** Hours before an event's start when confirmed participants get a reminder mail. */
  EVENT_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema> & { publicUrl: string; secure: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (Boolean(cfg.KOK_ADMIN_EMAIL) !== Boolean(cfg.KOK_ADMIN_PASSWORD)) {
    throw new ConfigError('KOK_ADMIN_EMAIL and KOK_ADMIN_PASSWORD must be set together.');
  }
  const publicUrl = (cfg.KOK_PUBLIC_URL ?? `http://localhost:${cfg.PORT}`).replace(/\/$/, '');
  return { ...cfg, publicUrl, secure: publicUrl.startsWith('https://') };
}

export class ConfigError extends Error {}
