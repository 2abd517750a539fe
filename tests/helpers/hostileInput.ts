/**
 * fast-check arbitraries for what reaches a public endpoint: valid visits,
 * visits with one field broken in every way, and bodies nobody should send
 * (wrong types, huge strings, deep nesting, prototype keys, bytes that are
 * not UTF-8, odd content types and encodings). Bodies come as raw bytes, so
 * the server's own parser meets them exactly as they would arrive.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { codesOf, OUTCOMES, TOPICS } from '../../src/shared/taxonomy.ts';
import { toLocalTimestamp } from '../../src/shared/time.ts';
import { uuidv7 } from '../../src/shared/uuid.ts';

/** Notes a host might type that the personal-data guard must refuse. */
export const personalDataNote = fc.oneof(
  fc.constantFrom(
    'mail naar jan.peeters@telenet.be',
    'bel haar op 0475 12 34 56',
    'rijksregister 85.07.30-033.61',
    'rekening BE68 5390 0754 7034',
  ),
  fc
    .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.emailAddress())
    .map(([before, email]) => `${before} ${email}`.trim()),
  fc.integer({ min: 470_000_000, max: 499_999_999 }).map((n) => `gsm 0${n}`),
);

/** A visit as a tablet sends it: valid by the protocol, at `nowMs` or up to a week before. */
export function validVisit(nowMs: number, pointId = 'predikheren'): fc.Arbitrary<Record<string, unknown> & { id: string }> {
  return fc
    .record({
      minutesAgo: fc.integer({ min: 0, max: 7 * 24 * 60 }),
      waited: fc.integer({ min: 0, max: 90 }),
      helped: fc.integer({ min: 1, max: 240 }),
      finished: fc.boolean(),
      topics: fc.uniqueArray(fc.constantFrom(...codesOf(TOPICS)), { minLength: 1, maxLength: 3 }),
      outcome: fc.constantFrom(...codesOf(OUTCOMES).filter((code) => code !== 'referred')),
      people: fc.integer({ min: 1, max: 10 }),
      rev: fc.integer({ min: 1, max: 50 }),
      note: fc.option(fc.constantFrom('printer opnieuw ingesteld', 'itsme geactiveerd', 'uitleg over e-mail'), { nil: null }),
      idBytes: fc.uint8Array({ minLength: 16, maxLength: 16 }),
    })
    .map((v) => {
      const arrived = nowMs - v.minutesAgo * 60_000;
      const at = (ms: number) => toLocalTimestamp(ms, 60);
      const ended = arrived + (v.waited + v.helped) * 60_000;
      return {
        id: uuidv7(arrived, (bytes) => {
          bytes.set(v.idBytes);
          return bytes;
        }),
        rev: v.rev,
        pointId,
        kind: 'question',
        arrivedAt: at(arrived),
        startedAt: at(arrived + v.waited * 60_000),
        endedAt: v.finished ? at(ended) : null,
        topics: v.topics,
        outcome: v.finished ? v.outcome : null,
        people: v.people,
        note: v.note,
        createdAt: at(arrived),
        updatedAt: at(v.finished ? ended : arrived),
      };
    });
}

const FIELDS = [
  'id',
  'rev',
  'pointId',
  'kind',
  'arrivedAt',
  'startedAt',
  'endedAt',
  'topics',
  'device',
  'problem',
  'visitor',
  'outcome',
  'referredTo',
  'effort',
  'contact',
  'people',
  'barrier',
  'note',
  'deleted',
  'createdAt',
  'updatedAt',
];

/** Nested arrays `depth` deep around `inner`, as text (JSON.stringify would recurse). */
export const nestedText = (depth: number, inner = '0') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A value of any JSON type, now and then huge or deep. */
export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 10_000, maxLength: 200_000, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e308, -0, 2 ** 31) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '‮', '𝔡𝔦𝔤𝔦', "'; DROP TABLE visits; --"),
  },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30T10:00:00+01:00', '2026-11-22T25:00:00Z', '9999-12-31T23:59:59+14:00') },
);

/** A valid visit with one field broken: wrong type, huge, missing, or an extra member. */
export function brokenVisit(nowMs: number): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(validVisit(nowMs), fc.constantFrom(...FIELDS), fc.constantFrom('replace', 'remove', 'extra'), wildValue)
    .map(([visit, field, how, value]) => {
      const broken: Record<string, unknown> = { ...visit };
      if (how === 'remove') delete broken[field];
      else if (how === 'replace') broken[field] = value;
      else broken[`${field}X`] = value;
      return broken;
    });
}

export interface RawBody {
  /** What the test calls this body in a failure report. */
  label: string;
  bytes: Buffer;
  contentType?: string;
  contentEncoding?: string;
}

const asJson = (label: string, value: unknown): RawBody => ({
  label,
  bytes: Buffer.from(JSON.stringify(value) ?? 'null'),
  contentType: 'application/json',
});

/** Prototype keys written into the JSON text itself (an object literal would not keep `__proto__` as a key). */
const prototypeBodies = fc.constantFrom(
  '{"visits":[],"__proto__":{"isAdmin":true}}',
  '{"__proto__":{"visits":[]},"visits":[]}',
  '{"visits":[{"__proto__":{"id":"x"}}]}',
  '{"visits":[],"constructor":{"prototype":{"polluted":true}}}',
  '{"visits":[{"constructor":{"prototype":{"polluted":true}}}]}',
  '{"code":"ABCDEFGH","label":"x","__proto__":{"admin":true}}',
  '{"username":"griet","password":"x","constructor":{"prototype":{"admin":true}}}',
);

/** Bodies for any endpoint: JSON of every shape, prototype keys, deep nesting, bytes that are no JSON or no UTF-8. */
export function hostileBody(nowMs: number): fc.Arbitrary<RawBody> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => asJson('any JSON', value)),
    fc.array(brokenVisit(nowMs), { minLength: 1, maxLength: 5 }).map((visits) => asJson('broken visits', { visits })),
    fc
      .dictionary(fc.string({ maxLength: 12 }), wildValue, { maxKeys: 5 })
      .map((value) => asJson('an object of wild values', value)),
    prototypeBodies.map((text) => ({ label: 'prototype keys', bytes: Buffer.from(text), contentType: 'application/json' })),
    fc.integer({ min: 1_000, max: 300_000 }).map((depth) => ({
      label: `nesting ${depth} deep`,
      bytes: Buffer.from(`{"visits":[],"client":${nestedText(depth)}}`),
      contentType: 'application/json',
    })),
    fc.integer({ min: 1_000, max: 200_000 }).map((depth) => ({
      label: `a visit nested ${depth} deep`,
      bytes: Buffer.from(`{"visits":[${nestedText(depth, '{"id":"x"}')}]}`),
      contentType: 'application/json',
    })),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => ({
      label: 'random bytes',
      bytes: Buffer.from(bytes),
      contentType: 'application/json',
    })),
    fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => ({
      label: 'a string that is not UTF-8',
      bytes: Buffer.concat([
        Buffer.from('{"visits":[{"id":"'),
        Buffer.from(bytes),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}]}'),
      ]),
      contentType: 'application/json; charset=utf-8',
    })),
    fc
      .string({ maxLength: 300 })
      .map((text) => ({ label: 'cut JSON', bytes: Buffer.from(`{"visits":[${text}`), contentType: 'application/json' })),
    fc
      .tuple(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=latin1',
          '',
        ),
      )
      .map(([value, contentType]) => ({
        label: `content type "${contentType}"`,
        bytes: Buffer.from(JSON.stringify(value) ?? ''),
        contentType,
      })),
    fc.jsonValue({ maxDepth: 2 }).map((value) => ({
      label: 'gzip',
      bytes: gzipSync(Buffer.from(JSON.stringify({ visits: [value] }))),
      contentType: 'application/json',
      contentEncoding: 'gzip',
    })),
    fc.uint8Array({ maxLength: 500 }).map((bytes) => ({
      label: 'not gzip at all',
      bytes: Buffer.from(bytes),
      contentType: 'application/json',
      contentEncoding: 'gzip',
    })),
    fc.constantFrom('br', 'deflate', 'compress', 'gzip, gzip', 'identity;q=0').map((encoding) => ({
      label: `Content-Encoding ${encoding}`,
      bytes: Buffer.from('{"visits":[]}'),
      contentType: 'application/json',
      contentEncoding: encoding,
    })),
  );
}
