import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Kysely's PostgresDialect expects a `pg`-style pool. PGlite is a single session, so the "pool" hands out
 * one client at a time: a transaction (BEGIN … COMMIT on the same client) can never interleave with another
 * caller's statements. Written here instead of pulling in kysely-pglite, whose dependencies include a CLI
 * framework and a code generator (see docs/decisions/0003-database-access.md).
 */
export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  return {
    options: {},
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      let released = false;
      const client = {
        async query<R>(sqlText: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          // Without parameters, use the simple-query protocol as `pg` does, so multi-statement scripts
          // (migrations) run the same on both engines.
          const result =
            parameters.length === 0
              ? ((await pg.exec(sqlText)).at(-1) as Awaited<ReturnType<typeof pg.query<R>>>)
              : await pg.query<R>(sqlText, parameters as unknown[]);
          return {
            command: (result as unknown as { command?: string }).command as PostgresQueryResult<R>['command'],
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
          };
        },
        release() {
          if (!released) {
            released = true;
            release();
          }
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await tail;
    },
  };
}
