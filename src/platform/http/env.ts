import type { Context } from 'hono';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connect.ts';
import type { User } from '../../db/types.ts';
import type { SessionState } from '../auth/sessions.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { MailTransport } from '../mail.ts';
import type { Site } from '../site.ts';

/** What the composition root hands to the app: everything with a lifetime longer than a request. */
export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  mail: MailTransport;
  /** Asks the mail worker to look at the queue now (instead of at its next tick). */
  kickMail: () => void;
  assets: { css: string; js: string };
}

export interface Auth {
  user: User;
  via: 'session' | 'token';
  session?: SessionState;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    locale: Locale;
    /** The path without its language prefix: `/en/kontakt` → `/kontakt`. */
    pathInLocale: string;
    t: Translate;
    auth: Auth | null;
    site: Site;
    ip: string | null;
  };
}

export type Ctx = Context<AppEnv>;
