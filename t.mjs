import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

let t = Date.now();
const db = await PGlite.create({ dataDir: process.argv[2], extensions: { pg_trgm, unaccent } });
console.log('create', Date.now() - t);
const r = await db.query(
  'select 1::int8 as a, now() as b, \'{"x":1}\'::jsonb as c, 5::numeric as d, count(*) as e from pg_class',
);
console.log(r.rows, r.affectedRows, Object.keys(r));
t = Date.now();
const dump = await db.dumpDataDir('gzip');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const db2 = await PGlite.create({ loadDataDir: dump });
console.log('load', Date.now() - t);
console.log(await db2.query('select version()'));
await db.close();
