import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Extension } from "@electric-sql/pglite";

/**
 * The extension, with its bundle read and unzipped synchronously at start.
 *
 * PGlite reads a bundle in Node through an `fs.createReadStream` → gunzip pipeline. After that
 * pipeline has run, every `process.nextTick` tick object in the process goes through V8's slow
 * runtime path (its async-id fields have changed representation), which cost the embedded
 * server ~2.5 µs on every Open API request (measured with perf; see README, Performance).
 * PGlite takes extension bundles only from `pg_extensions`, which it assigns after every
 * extension's `setup`; the returned options catch that assignment and add this bundle.
 */
export function loadedAtStart(name: string, extension: Extension): Extension {
  return {
    name: extension.name,
    setup: async (pg, options, clientOnly) => {
      const { bundlePath, ...result } = await extension.setup(pg, options, clientOnly);
      if (!bundlePath) return result;
      const bundle = Promise.resolve(new Blob([gunzipSync(readFileSync(bundlePath))]));
      const target = (result.emscriptenOpts ?? options) as { pg_extensions?: Record<string, unknown> };
      let bundles: Record<string, unknown> | undefined;
      Object.defineProperty(target, "pg_extensions", {
        configurable: true,
        enumerable: true,
        get: () => bundles,
        set: (value: Record<string, unknown>) => {
          bundles = value;
          bundles[name] = bundle;
        },
      });
      return { ...result, emscriptenOpts: target };
    },
  };
}
