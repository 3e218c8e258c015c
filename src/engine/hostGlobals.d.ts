// The one host global the engine uses. Browsers, Web Workers and Node (17+) all provide it; the
// engine compiles without their libraries (tsconfig.engine.json), so it is declared here alone.
declare function structuredClone<T>(value: T): T;
