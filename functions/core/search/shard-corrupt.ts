/** The one error a shard file that does not decode raises. */
import { VerbatimError } from '../errors.ts';

/** A shard that does not decode: an internal error (the reader then rebuilds from the log). */
export function corrupt(why: string): never {
  throw new VerbatimError('internal', `Index shard is corrupt: ${why}.`);
}
