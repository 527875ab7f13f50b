import type { Executor } from "@/db/client";
import { FailureThrottle, type ThrottleOptions } from "@/lib/openapi/failure-throttle";
import { DecoyUseRecorder } from "./decoy-uses";
import { GitHubPublicKeys } from "./github-keys";

/** SPEC §13: 60 leak reports an hour per address. */
export const LEAK_REPORTS_PER_HOUR = 60;

/** What the leak endpoints and decoy screening need, one set per Open API instance. */
export type LeakServices = {
  /** POST /api/v1/leaks per address: every request spends one of 60, one comes back each minute; shared by instances. */
  reports: FailureThrottle;
  githubKeys: GitHubPublicKeys;
  decoys: DecoyUseRecorder;
};

export type LeakServiceOptions = {
  reports?: ThrottleOptions;
  githubKeys?: GitHubPublicKeys;
  decoyCapacity?: number;
};

export function createLeakServices(db: () => Executor, options: LeakServiceOptions = {}): LeakServices {
  return {
    // The failure throttle's shared token bucket, with its own limits (they key its rows apart).
    reports: new FailureThrottle({ db, burst: LEAK_REPORTS_PER_HOUR, perMinute: LEAK_REPORTS_PER_HOUR / 60, ...options.reports }),
    githubKeys: options.githubKeys ?? GitHubPublicKeys.fromEnv(),
    decoys: new DecoyUseRecorder({ db, capacity: options.decoyCapacity }),
  };
}

export async function closeLeakServices(services: LeakServices): Promise<void> {
  services.reports.close();
  await services.decoys.flush();
}
