/**
 * The Bot Connector client turns every outgoing activity into JSON with
 * @azure/core-client's generic serializer, which walks the Activity model's
 * 42 properties and their nested models through type-name regexes on every
 * call (in a V8 profile under bench:turn load, writing a reply's body took
 * 42 µs of a refleks turn, and 19 µs with compiled mappers). compileMapper
 * makes that walk once per model and returns a function that does only the
 * per-value part.
 *
 * It follows the library's rules exactly for the types activities are made of
 * (composites, lists, dictionaries, strings, numbers, booleans, free objects
 * and date-times) and for values of the right type. Anything else gives
 * NOT_COMPILED: a wrong type, a missing required value, a type it does not
 * compile (byte arrays, enums) or a model feature the Bot Framework models do
 * not use (subtypes, extra fields, XML). The caller then leaves that body to
 * the library, which serialises or refuses it as it always did. Activities are
 * plain data; a getter that answered differently when read a second time could
 * tell, since the library then reads the body again from the start.
 */
export const NOT_COMPILED = Symbol('left to the library serializer');

export type CompiledMapper = (value: unknown) => unknown;

/** The parts of @azure/core-client's Mapper this reads (its own type is a union without a shared shape). */
export interface MapperShape {
  serializedName?: string;
  required?: boolean;
  nullable?: boolean;
  readOnly?: boolean;
  isConstant?: boolean;
  xmlNamespace?: string;
  type: {
    name: string;
    className?: string;
    modelProperties?: Record<string, MapperShape>;
    element?: MapperShape;
    value?: MapperShape;
    additionalProperties?: unknown;
    polymorphicDiscriminator?: unknown;
    uberParent?: string;
  };
}

type ModelMappers = Readonly<Record<string, MapperShape | undefined>>;

const leaveToLibrary: CompiledMapper = () => NOT_COMPILED;
const isDateString = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** The library calls toISOString on anything that is an instance of Date; when that throws, its own message is kept. */
function isoOrLeave(date: Date): unknown {
  try {
    return date.toISOString();
  } catch {
    return NOT_COMPILED;
  }
}

/** The value rules of one type, for a value that is neither undefined nor null. */
function compileType(
  mapper: MapperShape,
  models: ModelMappers,
  seen: Map<MapperShape, CompiledMapper>,
): CompiledMapper {
  const compile = (inner: MapperShape) => compileMapper(inner, models, seen);
  switch (mapper.type.name.toLowerCase()) {
    case 'any':
    case 'object':
      return (value) => value;
    case 'string':
      return (value) => (typeof value === 'string' ? value : NOT_COMPILED);
    case 'number':
      return (value) => (typeof value === 'number' ? value : NOT_COMPILED);
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : NOT_COMPILED);
    case 'datetime':
      return (value) => {
        if (value instanceof Date) return isoOrLeave(value);
        return isDateString(value) ? new Date(value as string).toISOString() : NOT_COMPILED;
      };
    case 'sequence':
      return compileSequence(mapper, models, compile);
    case 'dictionary':
      return compileDictionary(mapper, compile);
    case 'composite':
      return compileComposite(mapper, models, compile);
    default:
      return leaveToLibrary;
  }
}

function compileSequence(
  mapper: MapperShape,
  models: ModelMappers,
  compile: (inner: MapperShape) => CompiledMapper,
): CompiledMapper {
  const declared = mapper.type.element;
  if (!declared || typeof declared !== 'object') return leaveToLibrary;
  // As the library does: a listed model is looked up by name, since the inline one may be partial.
  const named = declared.type.name === 'Composite' && declared.type.className;
  const element = compile((named && models[named]) || declared);
  return (value) => {
    if (!Array.isArray(value)) return NOT_COMPILED;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item === NOT_COMPILED) return NOT_COMPILED;
      out[i] = item;
    }
    return out;
  };
}

function compileDictionary(mapper: MapperShape, compile: (inner: MapperShape) => CompiledMapper): CompiledMapper {
  const declared = mapper.type.value;
  if (!declared || typeof declared !== 'object' || mapper.xmlNamespace) return leaveToLibrary;
  const entry = compile(declared);
  return (value) => {
    if (typeof value !== 'object' || value === null) return NOT_COMPILED;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = entry((value as Record<string, unknown>)[key]);
      if (item === NOT_COMPILED) return NOT_COMPILED;
      out[key] = item;
    }
    return out;
  };
}

/** True when the library would pick a subtype or copy extra fields: left to it. */
function needsLibrary(mapper: MapperShape, models: ModelMappers): boolean {
  const model = mapper.type.className ? models[mapper.type.className] : undefined;
  const parent = mapper.type.uberParent ? models[mapper.type.uberParent] : undefined;
  return Boolean(
    mapper.type.polymorphicDiscriminator ??
    parent?.type.polymorphicDiscriminator ??
    model?.type.polymorphicDiscriminator ??
    mapper.type.additionalProperties ??
    model?.type.additionalProperties,
  );
}

function compileComposite(
  mapper: MapperShape,
  models: ModelMappers,
  compile: (inner: MapperShape) => CompiledMapper,
): CompiledMapper {
  const className = mapper.type.className;
  const properties = mapper.type.modelProperties ?? (className ? models[className]?.type.modelProperties : undefined);
  if (!properties || needsLibrary(mapper, models)) return leaveToLibrary;
  const fields: { key: string; name: string | undefined; serialize: CompiledMapper }[] = [];
  for (const [key, property] of Object.entries(properties)) {
    if (property.readOnly) continue;
    // The library reads a dot in a name as nesting and a backslash as escaping it: not compiled.
    if (/[.\\]/.test(property.serializedName ?? '')) return leaveToLibrary;
    // The library checks a property without a serialised name but never writes it.
    fields.push({ key, name: property.serializedName || undefined, serialize: compile(property) });
  }
  return (value) => {
    if (typeof value !== 'object' || value === null) return NOT_COMPILED;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const serialized = field.serialize((value as Record<string, unknown>)[field.key]);
      if (serialized === NOT_COMPILED) return NOT_COMPILED;
      if (serialized !== undefined && field.name !== undefined) out[field.name] = serialized;
    }
    return out;
  };
}

/**
 * The serialising function for one mapper, made once: the library's checks of
 * required and nullable values, then the type's own rules. Models refer to
 * each other by name and may do so in a loop, so each is compiled on first use.
 */
export function compileMapper(
  mapper: MapperShape,
  models: ModelMappers,
  seen = new Map<MapperShape, CompiledMapper>(),
): CompiledMapper {
  const known = seen.get(mapper);
  if (known) return known;
  let typed: CompiledMapper | undefined;
  const { required, nullable } = mapper;
  const compiled: CompiledMapper = (value) => {
    if (value === undefined) return required ? NOT_COMPILED : undefined;
    if (value === null) return (required && !nullable) || (!required && nullable === false) ? NOT_COMPILED : null;
    typed ??= compileType(mapper, models, seen);
    return typed(value);
  };
  seen.set(mapper, mapper.isConstant ? leaveToLibrary : compiled);
  return seen.get(mapper) as CompiledMapper;
}
