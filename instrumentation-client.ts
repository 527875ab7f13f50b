// Runs in the browser before the console's own modules. Without it zod probes `new Function` when
// its object schemas are built, which the Content-Security-Policy (no 'unsafe-eval') reports as a
// violation even though zod catches the error and falls back to what jitless does anyway.
// zod keeps its configuration on this global (zod/v4/core `globalConfig`): setting it here, rather
// than calling `z.config`, keeps zod itself out of every page's first load (~31 kB gzip); the
// forms that use zod load it with themselves.
const zodConfig = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodConfig.__zod_globalConfig = { ...zodConfig.__zod_globalConfig, jitless: true };

export {};
