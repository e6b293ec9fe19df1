import { Readable } from 'node:stream';

/** The size a chunk of a streamed JSON answer grows to before it is handed to the socket. */
const CHUNK_BYTES = 64 * 1024;
/** How deep into objects and arrays the answer is written piece by piece (below: one JSON.stringify). */
const SPLIT_DEPTH = 3;

/**
 * The JSON text of `value` in pieces: containers down to SPLIT_DEPTH are opened and their members written
 * one by one, deeper values whole. Joined, the pieces are exactly JSON.stringify(value) for the plain
 * data (objects, arrays, strings, numbers, booleans, null) an export is made of.
 */
function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object' || 'toJSON' in value) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (const [i, item] of value.entries()) {
      if (i > 0) yield ',';
      // As JSON.stringify: what has no JSON form is null inside an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* pieces(item, depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: a property without a JSON form is left out.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* pieces(item, depth + 1);
  }
  yield '}';
}

/**
 * An export's JSON answer as a stream of UTF-8 chunks of about 64 KB, written as the socket drains. The
 * same bytes as sending the value (JSON.stringify), without ever holding the whole text: a STIX bundle of
 * the top 50 operations is 15 MB of JSON once the store holds 40,000 reports, and sent whole it cost a
 * 30 MB string and a 15 MB buffer per request, which the server's RSS kept growing to hold.
 */
export function jsonStream(value: unknown): Readable {
  const source = pieces(value, 0);
  return new Readable({
    read() {
      let chunk = '';
      // next() by hand: leaving a for…of early would close the generator.
      for (let piece = source.next(); !piece.done; piece = source.next()) {
        chunk += piece.value;
        if (chunk.length >= CHUNK_BYTES) {
          this.push(Buffer.from(chunk, 'utf8'));
          return;
        }
      }
      if (chunk) this.push(Buffer.from(chunk, 'utf8'));
      this.push(null);
    },
  });
}
