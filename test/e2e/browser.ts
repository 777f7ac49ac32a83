import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

/** The password of every demo account (KOK_DEMO=1). */
export const DEMO_PASSWORD = 'demo-passwort-2026';

export const demo = {
  admin: 'admin@demo.kok.invalid',
  office: 'geschaeftsstelle@demo.kok.invalid',
  board: 'vorstand@demo.kok.invalid',
  memberAdmin: 'leitung@demo.kok.invalid',
  member: 'beratung@demo.kok.invalid',
} as const;

/** Debian's Chromium, driven by playwright-core (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface E2EServer {
  server: RunningServer;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  stop(): Promise<void>;
}

/** The real server (HTTP, PGlite in a fresh temporary directory, demo accounts) on a free port. */
export async function startE2EServer(): Promise<E2EServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    KOK_DEMO: '1',
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { quiet: true });
  return {
    server,
    url: server.url,
    async stop() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in through the real login form and waits for the account page. */
export async function login(page: Page, baseUrl: string, email: string, prefix = ''): Promise<void> {
  await page.goto(`${baseUrl}${prefix}/anmelden`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((u) => u.pathname === `${prefix}/konto`),
    page.click('main form button[type="submit"]'),
  ]);
}

let axeSource: string | undefined;
function loadAxeSource(): string {
  if (!axeSource) {
    const require = createRequire(import.meta.url);
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core (WCAG 2.2 AA tags) on the current document and returns the violations as readable lines,
 * so `expect(await checkA11y(page)).toEqual([])` explains itself when it fails.
 *
 * axe is injected with `page.evaluate(source)` — DevTools evaluation is not subject to the page's
 * Content-Security-Policy, so no `bypassCSP` context is needed.
 */
export async function checkA11y(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!injected) await page.evaluate(loadAxeSource());
  const results = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const r = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: unknown;
    };
    // only what is serialisable and needed
    return { violations: JSON.parse(JSON.stringify(r.violations)) };
  }, AXE_TAGS)) as Pick<AxeResults, 'violations'>;
  return formatViolations(new URL(page.url()).pathname, results.violations);
}

export function formatViolations(where: string, violations: Result[]): string[] {
  return violations.map((v) => {
    const targets = v.nodes
      .slice(0, 3)
      .map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' '))
      .join(' | ');
    const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
    const summary = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim().slice(0, 240);
    return `${where}: [${v.impact ?? 'n/a'}] ${v.id} – ${v.help} – ${targets}${more}${summary ? ` – ${summary}` : ''}`;
  });
}
