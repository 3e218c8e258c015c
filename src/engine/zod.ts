import { z } from 'zod';

/**
 * zod as every schema here uses it: jitless, so that it never compiles parsers with `new Function`
 * (nor probes whether it may), which the page's Content-Security-Policy forbids. zod decides when
 * each object schema is built, so this module is what the schemas import instead of 'zod' itself.
 * Parsing happens at load and on commands, never per request: the engine's speed does not change.
 */
z.config({ jitless: true });

export { z };
