import { describe, expect, it } from "vitest";
import { fail, ok, type Result } from "@/lib/result";
import { applyServerErrors, NETWORK_ERROR, settle } from "./action-result";

type Form = { name: string; roleIds: string[] };

function recordingSetError() {
  const calls: { field: string; message: string | undefined; shouldFocus: boolean | undefined }[] = [];
  const setError = (field: string, error: { message?: string }, options?: { shouldFocus?: boolean }) => {
    calls.push({ field, message: error.message, shouldFocus: options?.shouldFocus });
  };
  return { calls, setError };
}

describe("settle", () => {
  it("passes an action's answer through, failed or not", async () => {
    expect(await settle(async () => ok({ id: "1" }))).toEqual({ ok: true, data: { id: "1" } });
    const refused = fail("forbidden", "You don't have permission to manage API keys.");
    expect(await settle(async () => refused)).toBe(refused);
  });

  it("turns a request that failed at the network into the network error", async () => {
    const result = await settle<never>(() => Promise.reject(new TypeError("Failed to fetch")));
    expect(result).toEqual({ ok: false, code: "internal", error: NETWORK_ERROR });
    expect(NETWORK_ERROR).toBe("Could not reach the server. Check your connection and try again.");
  });

  it("turns a synchronous throw into the network error too", async () => {
    const result = await settle<never>(() => {
      throw new Error("aborted");
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(NETWORK_ERROR);
  });
});

describe("applyServerErrors", () => {
  const failed = (r: Result<unknown>) => r as Extract<Result<unknown>, { ok: false }>;

  it("puts each known field's error under it, focusing the first only, and shows no form error", () => {
    const { calls, setError } = recordingSetError();
    const result = failed(fail("invalid_request", "name: Name is taken", { name: "Name is taken", roleIds: "Pick a role" }));
    expect(applyServerErrors<Form>(result, ["name", "roleIds"], setError as never)).toBeNull();
    expect(calls).toEqual([
      { field: "name", message: "Name is taken", shouldFocus: true },
      { field: "roleIds", message: "Pick a role", shouldFocus: false },
    ]);
  });

  it("shows the result's message above the form when no field of the form took an error", () => {
    const { calls, setError } = recordingSetError();
    const unknownField = failed(fail("invalid_request", "expiresAt: Too late", { expiresAt: "Too late" }));
    expect(applyServerErrors<Form>(unknownField, ["name"], setError as never)).toBe("expiresAt: Too late");
    const noFields = failed(fail("limit_reached", "You have reached the limit of 10 API keys."));
    expect(applyServerErrors<Form>(noFields, ["name"], setError as never)).toBe("You have reached the limit of 10 API keys.");
    expect(calls).toEqual([]);
  });
});
