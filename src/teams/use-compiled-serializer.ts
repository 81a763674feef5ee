import type { ConnectorClient } from 'botframework-connector';
import { compileMapper, NOT_COMPILED, type CompiledMapper, type MapperShape } from './compile-mapper';

type OperationSpec = Parameters<ConnectorClient['sendOperationRequest']>[1];
type Serializer = OperationSpec['serializer'];
type Mapper = Parameters<Serializer['serialize']>[0];

/**
 * The library's serializer with compiled mappers in front: a value the
 * compiled function takes gets the same JSON, faster; anything else goes to
 * the library, which serialises or refuses it as before. Reading responses
 * is the library's alone.
 */
export function withCompiledMappers(serializer: Serializer): Serializer {
  if (serializer.isXML) return serializer;
  // compileMapper remembers every mapper it has compiled here, nested ones included.
  const seen = new Map<MapperShape, CompiledMapper>();
  const models = serializer.modelMappers as Record<string, MapperShape | undefined>;
  const compiledFor = (mapper: Mapper) => compileMapper(mapper as unknown as MapperShape, models, seen);
  return {
    modelMappers: serializer.modelMappers,
    isXML: serializer.isXML,
    validateConstraints: (mapper, value, objectName) => serializer.validateConstraints(mapper, value, objectName),
    serialize(mapper, object: unknown, objectName, options) {
      const serialized = compiledFor(mapper)(object);
      return serialized === NOT_COMPILED ? serializer.serialize(mapper, object, objectName, options) : serialized;
    },
    deserialize: (mapper, responseBody: unknown, objectName, options) =>
      serializer.deserialize(mapper, responseBody, objectName, options),
  };
}

/** One wrapped serializer per library serializer, so all operations of a client share the compiled models. */
const wrapped = new WeakMap<Serializer, Serializer>();
const specs = new WeakMap<OperationSpec, OperationSpec>();

function compiledSpec(spec: OperationSpec): OperationSpec {
  let copy = specs.get(spec);
  if (!copy) {
    let serializer = wrapped.get(spec.serializer);
    if (!serializer) {
      serializer = withCompiledMappers(spec.serializer);
      wrapped.set(spec.serializer, serializer);
    }
    copy = { ...spec, serializer };
    specs.set(spec, copy);
  }
  return copy;
}

/**
 * Makes a Bot Connector client serialise request bodies (activities,
 * conversation parameters) with compiled mappers. Each operation of the client
 * goes through its public sendOperationRequest with the operation's
 * description, so the client is given the same description with the wrapped
 * serializer. URL and header parameters (plain strings and numbers) go through
 * it too and come out as before; authentication and retries are untouched.
 */
export function useCompiledSerializer(client: ConnectorClient): ConnectorClient {
  const send = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = (operationArguments, spec, callback) =>
    send(operationArguments, compiledSpec(spec), callback);
  return client;
}
