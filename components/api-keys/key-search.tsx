"use client";

import { useParams } from "next/navigation";
import { startTransition, useEffect, useOptimistic, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { findKeyBySecretAction } from "@/lib/actions/api-keys";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/input";
import { useListQuery } from "./list-query";

const DEBOUNCE_MS = 300;
export const KEY_SEARCH_INPUT_ID = "key-search";

// Longer than a hint's first part ("ak_kHZw"): part of a secret, which must not enter the URL.
const SECRET_LIKE = /^ak_[0-9A-Za-z]{8,}$/;
const FULL_SECRET = /^ak_[0-9A-Za-z]{32}$/;

/**
 * "Search keys by name": debounced, kept in `?q=`, resolved by the server. A pasted secret is
 * looked up by its hash through a server action (a POST body) and replaced by its Key ID, so
 * it never lands in the URL or the browser history.
 */
export function KeySearch({ initialQuery }: { initialQuery: string }) {
  const t = useTranslations("ApiKeys.search");
  const { pending, setParams } = useListQuery();
  const { slug } = useParams<{ slug: string }>();
  const [value, setValue] = useState(initialQuery);
  const [notice, setNotice] = useState("");
  const [lookingUp, startLookUp] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // A link followed while a search is still debouncing wins: the late search would otherwise
    // replace the URL and pull the user back to the list.
    const cancelOnLinkClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest("a[href]")) clearTimeout(timer.current);
    };
    document.addEventListener("click", cancelOnLinkClick, true);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener("click", cancelOnLinkClick, true);
    };
  }, []);

  const search = (raw: string) => {
    clearTimeout(timer.current);
    const q = raw.trim();
    setNotice("");
    if (!SECRET_LIKE.test(q)) return setParams({ q: q || null });
    if (!FULL_SECRET.test(q)) return setNotice(t("pasteWhole"));
    startLookUp(async () => {
      const found = await findKeyBySecretAction(slug, q);
      const keyId = found.ok ? found.data.keyId : null;
      setValue(keyId ?? "");
      if (keyId) setParams({ q: keyId });
      else setNotice(found.ok ? t("noSecretMatch") : found.error);
    });
  };

  return (
    <div className="w-full sm:max-w-xs">
      <div className="relative">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          fill="currentColor"
          className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 text-zinc-400"
        >
          <path
            fillRule="evenodd"
            d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z"
            clipRule="evenodd"
          />
        </svg>
        <input
          ref={input}
          id={KEY_SEARCH_INPUT_ID}
          type="search"
          aria-label={t("label")}
          placeholder={t("placeholder")}
          aria-describedby={notice ? "key-search-notice" : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={value}
          onChange={(e) => {
            const next = e.target.value;
            setValue(next);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => search(next), DEBOUNCE_MS);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") search(value);
            if (e.key === "Escape" && value) {
              e.preventDefault();
              setValue("");
              search("");
            }
          }}
          className={cn(inputClass, "pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden")}
        />
        <div className="absolute inset-y-0 right-1.5 flex items-center gap-1">
          {(pending || lookingUp) && (
            <span
              aria-hidden="true"
              className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-zinc-400 border-r-transparent"
            />
          )}
          {value && (
            <button
              type="button"
              aria-label={t("clear")}
              onClick={() => {
                setValue("");
                search("");
                input.current?.focus();
              }}
              className="inline-flex h-7 w-7 items-center justify-center rounded text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
                <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
              </svg>
            </button>
          )}
        </div>
      </div>
      <p id="key-search-notice" role="status" className="mt-1 text-sm text-amber-800 empty:hidden dark:text-amber-300">
        {notice}
      </p>
    </div>
  );
}

/** "Created by: Anyone / Me", for members who see everyone's keys. */
export function CreatedByFilter({ value }: { value: "anyone" | "me" }) {
  const t = useTranslations("ApiKeys.createdBy");
  const { setParams } = useListQuery();
  // Checked at once, not when the server has answered.
  const [selected, setSelected] = useOptimistic(value);
  const options = [
    { value: "anyone", label: t("anyone") },
    { value: "me", label: t("me") },
  ] as const;
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="float-left mr-2 text-sm text-zinc-600 dark:text-zinc-400">{t("legend")}</legend>
      <div className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900">
        {options.map((option) => (
          <label
            key={option.value}
            className="relative cursor-pointer rounded px-3 py-1 text-sm font-medium text-zinc-600 has-checked:bg-zinc-200/80 has-checked:text-zinc-900 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 dark:text-zinc-400 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-100"
          >
            <input
              type="radio"
              name="created-by"
              value={option.value}
              checked={selected === option.value}
              onChange={() =>
                startTransition(() => {
                  setSelected(option.value);
                  setParams({ createdBy: option.value === "anyone" ? null : option.value });
                })
              }
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
