import { z } from "zod";

// Runs in the browser before the console's own modules. Without it zod probes `new Function` when
// its object schemas are built, which the Content-Security-Policy (no 'unsafe-eval') reports as a
// violation even though zod catches the error and falls back to what jitless does anyway.
z.config({ jitless: true });
