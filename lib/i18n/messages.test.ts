import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };
const dir = path.join(__dirname, "messages");
const load = (locale: string) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Tree;

/** Every message as "Namespace.key.sub" → ICU text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

/** The arguments a message takes ({email}, {count, plural, …}, <link>…</link>) and the plural categories it uses. */
function shape(message: string): { args: string[]; plurals: Map<string, string[]> } {
  const args = new Set<string>();
  const plurals = new Map<string, string[]>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) args.add(el.value);
      if (el.type === TYPE.tag) {
        args.add(`<${el.value}>`);
        walk(el.children);
      }
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        args.add(el.value);
        if (el.type === TYPE.plural) plurals.set(el.value, Object.keys(el.options).filter((o) => !o.startsWith("=")));
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return { args: [...args].sort(), plurals };
}

const english = flatten(load("en"));

describe("message files", () => {
  it("has one file per locale and no other", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
  });

  for (const locale of LOCALES) {
    const messages = flatten(load(locale));
    const rules = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

    it(`${locale}: has every English key and no other`, () => {
      expect([...english.keys()].filter((k) => !messages.has(k))).toEqual([]);
      expect([...messages.keys()].filter((k) => !english.has(k))).toEqual([]);
    });

    it(`${locale}: every message parses as ICU, takes the English arguments and covers the language's plural forms`, () => {
      const wrong: string[] = [];
      for (const [key, text] of messages) {
        if (text.trim() === "") wrong.push(`${key}: empty`);
        const source = english.get(key);
        if (source === undefined) continue;
        const mine = shape(text);
        const theirs = shape(source);
        if (mine.args.join() !== theirs.args.join()) wrong.push(`${key}: arguments ${mine.args.join(", ")} ≠ ${theirs.args.join(", ")}`);
        for (const [arg, categories] of mine.plurals) {
          const missing = rules.filter((c) => !categories.includes(c));
          if (missing.length) wrong.push(`${key}: {${arg}, plural} lacks ${missing.join(", ")}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it("translates: a Chinese or Ukrainian message is not the English one (names and codes excepted)", () => {
    // Brand names, codes and formats that read the same in every language.
    const same = /^(Keyward|API|ID|URL|IP|CIDR|JSON|CSV|OK|Owner|\{[a-zA-Z]+\}|[\s\W\d]*)$/;
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const messages = flatten(load(locale));
      const untranslated = [...english].filter(([k, v]) => messages.get(k) === v && !same.test(v) && /[a-z]{3}/.test(v)).map(([k]) => k);
      expect(untranslated, locale).toEqual([]);
    }
  });
});
