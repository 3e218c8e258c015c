/// <reference lib="webworker" />

/**
 * The engine worker's first import, so that it listens before any other module runs: a violation of
 * the page's Content-Security-Policy inside the worker (an eval in a dependency, say) shows only in the
 * browser's own log otherwise. Said on the console, where a person and the browser tests see it.
 */
(self as unknown as WorkerGlobalScope).addEventListener('securitypolicyviolation', (event) => {
  const e = event as SecurityPolicyViolationEvent;
  console.error(
    `Content-Security-Policy violation in the engine worker: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} at ${e.sourceFile}:${e.lineNumber}`,
  );
});
