import pino from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs. Personal data never goes in: no IP addresses, e-mail addresses, names or request bodies; the
 * redact list is a second line of defence for fields that might slip in.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['email', 'ip', 'password', '*.email', '*.ip', '*.password', 'req.headers'],
      remove: true,
    },
  });
}
