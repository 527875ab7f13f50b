// The one test-support module: database lifecycle, workspaces and members, actors, keys.
export * from "./actor";
export * from "./database";
export * from "./keys";
export * from "./result";
export * from "./team";
