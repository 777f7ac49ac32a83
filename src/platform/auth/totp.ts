import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';

const PERIOD = 30;
const DIGITS = 6;

export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpUri(issuer: string, account: string, secret: string): string {
  return createTOTPKeyURI(issuer, account, decodeBase32IgnorePadding(secret), PERIOD, DIGITS);
}

/** The QR code as inline SVG markup (no image request to anyone). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / PERIOD);
}

export function totpCode(secret: string, step: number): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), DIGITS);
}

/**
 * Checks a code against the previous, current and next 30-second step (clock drift) and returns the step it
 * matched, so the caller can refuse a code that was already used (replay).
 */
export function matchTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const cleaned = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(cleaned)) return null;
  const step = currentStep(now);
  for (const candidate of [step - 1, step, step + 1]) {
    if (lastStep !== null && candidate <= lastStep) continue;
    if (totpCode(secret, candidate) === cleaned) return candidate;
  }
  return null;
}
