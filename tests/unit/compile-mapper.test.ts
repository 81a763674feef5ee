import { compileMapper, NOT_COMPILED, type MapperShape } from '../../src/teams/compile-mapper';
import { withCompiledMappers } from '../../src/teams/use-compiled-serializer';
import { localConnectorClient, type LocalConnectorClient } from '../support/local-connector-client';

type Spec = Parameters<LocalConnectorClient['sendOperationRequest']>[1];
type Serializer = Spec['serializer'];
type Mapper = Parameters<Serializer['serialize']>[0];

/** The library's own descriptions of replyToActivity and createConversation, taken from a client that sends nothing. */
async function librarySpecs(): Promise<{ reply: Spec; create: Spec }> {
  const client = await localConnectorClient();
  const specs: Spec[] = [];
  client.sendOperationRequest = (_arguments, spec) => (specs.push(spec), Promise.resolve({} as never));
  await client.conversations.replyToActivity('conversation', 'activity', { type: 'message' });
  await client.conversations.createConversation({
    isGroup: false,
    bot: { id: 'b', name: 'b' },
    members: [],
    channelData: {},
  });
  const [reply, create] = specs;
  if (!reply || !create) throw new Error('the client described no operations');
  return { reply, create };
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A value for a mapper, built from the model itself: every property the model
 * has, present or not, nested models, lists, dates as Date or text, extra
 * fields the model does not know. With `wrong`, some values have a type the
 * model refuses or that only the library handles.
 */
function valueFor(
  mapper: MapperShape,
  models: Serializer['modelMappers'],
  next: () => number,
  wrong: boolean,
  depth = 0,
): unknown {
  const roll = next();
  if (roll < 0.3) return undefined;
  if (roll < 0.35) return null;
  if (wrong && next() < 0.15)
    return [42, 'text', true, { a: 1 }, ['x'], new Date(Number.NaN), 'not a date'][Math.floor(next() * 7)];
  const name = mapper.type.name;
  const child = (inner: MapperShape) => valueFor(inner, models, next, wrong, depth + 1);
  if (name === 'String') return ['', 'hei', 'æøå «sitat»', 'x'.repeat(40), '29:abc'][Math.floor(next() * 5)];
  if (name === 'Number') return Math.floor(next() * 1000) - 10;
  if (name === 'Boolean') return next() < 0.5;
  if (name === 'Object') return { any: 'thing', nested: { list: [1, 'to', null] }, when: new Date(0) };
  if (name === 'DateTime')
    return next() < 0.5 ? new Date(1_700_000_000_000 + Math.floor(next() * 1e9)) : '2026-11-29T08:00:00+01:00';
  if (name === 'ByteArray') return next() < 0.5 ? undefined : new Uint8Array([1, 2, 3]);
  if (depth > 4) return undefined;
  if (name === 'Sequence' && mapper.type.element) {
    return Array.from({ length: Math.floor(next() * 3) }, () => child(mapper.type.element as MapperShape));
  }
  if (name === 'Dictionary' && mapper.type.value)
    return { first: child(mapper.type.value), second: child(mapper.type.value) };
  if (name === 'Composite') {
    const className = mapper.type.className ?? '';
    const properties =
      mapper.type.modelProperties ?? (models[className] as MapperShape | undefined)?.type.modelProperties ?? {};
    const value: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(properties)) value[key] = child(property);
    if (next() < 0.3) value.notInTheModel = 'dropped by the library';
    return value;
  }
  return undefined;
}

/**
 * Every place in a model where a value can sit, down to `depth` models deep:
 * each yields a body with a given value at that place and nothing else.
 */
function* placesIn(
  mapper: MapperShape,
  models: Serializer['modelMappers'],
  depth = 0,
): Generator<(value: unknown) => unknown> {
  yield (value) => value;
  if (depth >= 3) return;
  const { name, element, value: entry, className, modelProperties } = mapper.type;
  const inner = (child: MapperShape) => placesIn(child, models, depth + 1);
  if (name === 'Sequence' && element) for (const place of inner(element)) yield (value) => [place(value)];
  if (name === 'Dictionary' && entry) for (const place of inner(entry)) yield (value) => ({ key: place(value) });
  if (name !== 'Composite') return;
  const properties = modelProperties ?? (models[className ?? ''] as MapperShape | undefined)?.type.modelProperties;
  for (const [key, property] of Object.entries(properties ?? {})) {
    for (const place of inner(property)) yield (value) => ({ [key]: place(value) });
  }
}

/** What a serializer makes of a value: its JSON, or the message it refuses the value with. */
function outcome(serializer: Serializer, mapper: Mapper, value: unknown) {
  try {
    return { json: JSON.stringify(serializer.serialize(mapper, value, 'activity')) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('compiled mappers for Bot Connector request bodies', () => {
  let specs: { reply: Spec; create: Spec };
  beforeAll(async () => {
    specs = await librarySpecs();
  });

  const bodyOf = (spec: Spec) => {
    const mapper = spec.requestBody?.mapper;
    if (!mapper) throw new Error('the operation has no request body');
    return mapper;
  };

  it.each(['reply', 'create'] as const)(
    'serialises %s bodies exactly as the library does, or leaves them to it',
    (operation) => {
      const spec = specs[operation];
      const mapper = bodyOf(spec);
      const compiled = withCompiledMappers(spec.serializer);
      const direct = compileMapper(mapper as unknown as MapperShape, spec.serializer.modelMappers);
      const next = random(operation === 'reply' ? 7 : 11);
      let taken = 0;
      let left = 0;
      for (let i = 0; i < 1000; i++) {
        const wrong = i % 2 === 1;
        const value = valueFor(mapper as unknown as MapperShape, spec.serializer.modelMappers, next, wrong);
        const body = value ?? {};
        expect(outcome(compiled, mapper, body)).toEqual(outcome(spec.serializer, mapper, body));
        if (direct(body) === NOT_COMPILED) left += 1;
        else taken += 1;
        // A body with every value of its declared type (no byte arrays) never needs the library.
        if (
          !wrong &&
          !JSON.stringify(body, (_k, v: unknown) => (v instanceof Uint8Array ? 'bytes' : v)).includes('"bytes"')
        ) {
          expect(direct(body)).not.toBe(NOT_COMPILED);
        }
      }
      expect(taken).toBeGreaterThan(150);
      expect(left).toBeGreaterThan(10);
    },
  );

  it('treats a value of any type in any place of an activity as the library does', () => {
    const mapper = bodyOf(specs.reply);
    const compiled = withCompiledMappers(specs.reply.serializer);
    const values = [42, 'text', '2026-11-29', true, { a: 1 }, ['x'], new Date(0), new Date(Number.NaN), null];
    let places = 0;
    for (const place of placesIn(mapper as unknown as MapperShape, specs.reply.serializer.modelMappers)) {
      places += 1;
      for (const value of values) {
        const body = place(value);
        expect(outcome(compiled, mapper, body)).toEqual(outcome(specs.reply.serializer, mapper, body));
      }
    }
    expect(places).toBeGreaterThan(100);
  });

  it('writes odd dates as the library does: it only ever calls toISOString', () => {
    const mapper = bodyOf(specs.reply);
    const compiled = withCompiledMappers(specs.reply.serializer);
    class NoGetTime extends Date {
      override getTime(): number {
        throw new Error('getTime called');
      }
    }
    const odd = [
      new NoGetTime(0),
      new Proxy(new Date(0), {}),
      Object.create(Date.prototype) as Date,
      new Date(Number.NaN),
    ];
    for (const timestamp of odd) {
      const body = { type: 'message', timestamp };
      expect(outcome(compiled, mapper, body)).toEqual(outcome(specs.reply.serializer, mapper, body));
    }
  });

  it('refuses what the library refuses, with its message', () => {
    const mapper = bodyOf(specs.reply);
    const compiled = withCompiledMappers(specs.reply.serializer);
    for (const body of [
      { type: 42 },
      { type: 'message', timestamp: 'not a date' },
      { type: 'message', attachments: 'not a list' },
      { type: 'message', from: { id: 7 } },
      { type: 'message', entities: [{ type: 'mention' }, { type: false }] },
    ]) {
      const library = outcome(specs.reply.serializer, mapper, body);
      expect(library.refused).toBeDefined();
      expect(outcome(compiled, mapper, body)).toEqual(library);
    }
  });
});
