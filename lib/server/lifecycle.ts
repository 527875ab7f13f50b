type Hook = { name: string; run: () => Promise<void> | void };

const holder = globalThis as unknown as { __keywardShutdownHooks?: Hook[] };

/** Work to finish before the process exits (flush "last used", close the database…), run in order. */
export function onShutdown(name: string, run: Hook["run"]): void {
  (holder.__keywardShutdownHooks ??= []).push({ name, run });
}

export async function runShutdownHooks(): Promise<void> {
  const hooks = holder.__keywardShutdownHooks ?? [];
  holder.__keywardShutdownHooks = [];
  for (const hook of hooks) await hook.run();
}
