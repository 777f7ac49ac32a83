import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEcli, normaliseEcli } from './ecli.ts';

const NOW = new Date('2025-06-01T00:00:00Z');

describe('normaliseEcli', () => {
  it.each([
    ['ECLI:DE:BGH:2021:120521UVIZR100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['ecli:de:bgh:2021:120521uvizr100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['  ECLI:DE:BGH:2021:120521UVIZR100.20.0\n', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['ECLI: DE: BGH: 2021: 120521 UVIZR 100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['ECLI:ECLI:DE:BGH:2021:120521UVIZR100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['ecli:ECLI:ecli:DE:BGH:2021:120521UVIZR100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['DE:BGH:2021:120521UVIZR100.20.0', 'ECLI:DE:BGH:2021:120521UVIZR100.20.0'],
    ['ECLI:CE:ECHR:2010:0107JUD002596504', 'ECLI:CE:ECHR:2010:0107JUD002596504'],
    ['ECLI:EU:C:2019:123', 'ECLI:EU:C:2019:123'],
    ['ECLI:EU:T:2020:35', 'ECLI:EU:T:2020:35'],
    ['ECLI:DE:BVERFG:2020:RK20200511.2BVR1130.16', 'ECLI:DE:BVERFG:2020:RK20200511.2BVR1130.16'],
    ['ECLI:DE:BVERWG:2021:120521U1C10.20.0', 'ECLI:DE:BVERWG:2021:120521U1C10.20.0'],
    ['ECLI:DE:BAG:2022:240222.U.6AZR333.21.0', 'ECLI:DE:BAG:2022:240222.U.6AZR333.21.0'],
    ['ECLI:DE:BSG:2019:300119UB9V419R0', 'ECLI:DE:BSG:2019:300119UB9V419R0'],
    ['ECLI:DE:OLGHAM:2018:0405.4RVS14.18.00', 'ECLI:DE:OLGHAM:2018:0405.4RVS14.18.00'],
    ['ECLI:AT:OGH0002:2019:0110OS00001.19A.0212.000', 'ECLI:AT:OGH0002:2019:0110OS00001.19A.0212.000'],
    ['ECLI:NL:HR:2019:1234', 'ECLI:NL:HR:2019:1234'],
    ['ECLI:EL:COS:2018:1234', 'ECLI:EL:COS:2018:1234'],
    ['ECLI:DE:BGH:2026:1', 'ECLI:DE:BGH:2026:1'],
  ])('%s → %s', (input, ecli) => {
    const result = normaliseEcli(input, NOW);
    expect(result).toMatchObject({ ok: true, ecli });
  });

  it('returns the parts', () => {
    expect(normaliseEcli('ecli:ce:echr:2010:0107jud002596504', NOW)).toEqual({
      ok: true,
      ecli: 'ECLI:CE:ECHR:2010:0107JUD002596504',
      country: 'CE',
      court: 'ECHR',
      year: 2010,
      ordinal: '0107JUD002596504',
    });
  });

  it.each([
    ['', /angeben/],
    ['   ', /angeben/],
    ['ECLI:DE:BGH:2021', /fünf .*hier sind es 4/],
    ['ECLI:DE:BGH:2021:1:2', /fünf .*hier sind es 6/],
    ['ECLI:DE:BGH', /fünf/],
    ['DE:BGH:2021', /beginnt mit „ECLI:“/],
    ['XY:DE:BGH:2021:1', /beginnt mit „ECLI:“/],
    ['ECLI:XX:BGH:2021:1', /Ländercode „XX“/],
    ['ECLI:GR:COS:2018:1', /Ländercode „GR“/],
    ['ECLI:D:BGH:2021:1', /Ländercode „D“/],
    ['ECLI:DE:BUNDESGH:2021:1', /Gerichtscode „BUNDESGH“/],
    ['ECLI:DE::2021:1', /Gerichtscode/],
    ['ECLI:DE:BG-H:2021:1', /Gerichtscode/],
    ['ECLI:DE:BGH:21:1', /Jahr „21“/],
    ['ECLI:DE:BGH:20X1:1', /Jahr/],
    ['ECLI:DE:BGH:1850:1', /1850 ist nicht plausibel/],
    ['ECLI:DE:BGH:2031:1', /2031 ist nicht plausibel/],
    ['ECLI:DE:BGH:2021:', /Ordnungsnummer/],
    ['ECLI:DE:BGH:2021:12345678901234567890123456', /Ordnungsnummer/],
    ['ECLI:DE:BGH:2021:12/34', /Ordnungsnummer/],
    ['ECLI:DE:BGH:2021:120521UVIZR100.20.0.', /Punkt/],
    ['ECLI:DE:BGH:2021:.1', /Punkt/],
    ['BGH, Urteil vom 12.05.2021 – VI ZR 100/20', /beginnt mit „ECLI:“/],
  ])('rejects %j', (input, message) => {
    const result = normaliseEcli(input, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('accepts an ordinal of exactly 25 characters', () => {
    expect(isEcli(`ECLI:DE:BGH:2021:${'1'.repeat(25)}`)).toBe(true);
  });

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const once = normaliseEcli(input, NOW);
        if (once.ok) expect(normaliseEcli(once.ecli, NOW)).toEqual(once);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('DE', 'AT', 'EU', 'CE', 'de'),
        fc.stringMatching(/^[A-Za-z0-9]{1,7}$/),
        fc.integer({ min: 1900, max: 2026 }),
        fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9.]{0,23}[A-Za-z0-9])?$/),
        (country, court, year, ordinal) => {
          const result = normaliseEcli(`ecli:${country}:${court}:${year}:${ordinal}`, NOW);
          expect(result).toMatchObject({
            ok: true,
            ecli: `ECLI:${country}:${court}:${year}:${ordinal}`.toUpperCase(),
          });
        },
      ),
    );
  });
});
