export * from "./workspaces";
export * from "./users";
export * from "./members";
export * from "./api-keys";
export * from "./audit";
export * from "./shared-secrets";
export * from "./sign-in-failures";
export * from "./auth-failures";
