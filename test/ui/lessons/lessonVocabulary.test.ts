import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/engine/lessons/parseLesson';
import { livePolicyNames } from '../../../src/engine/policies/names';
import { tierKindList } from '../../../src/engine/tiers/tierRegistry';
import { eventKinds } from '../../../src/ui/views/lib/eventKinds';
import { readLessonFiles } from '../../engine/lessons/readLessons';

/**
 * One vocabulary: a lesson names controls, events and legend entries by the words on the screen.
 *
 * The convention a lesson follows (docs/lessons.md, "Naming what is on screen"):
 * - in prose, **bold** names an on-screen label when it holds a path (`**Cache tiers → Distributed
 *   cache**`, each part a label) or follows a word that acts on a control (press, click, tick, untick,
 *   pick, choose, select, set, turn, filter, to, for): `Press **Play**`, `set eviction to **s3fifo**`;
 * - in hints (plain text), "double quotes" name a label or a path;
 * - neither names an engine event type (`read.stale`): the event log's filter shows "stale read".
 *
 * The labels are what the UI defines: the tier and event-kind tables, and every string and text in
 * src/ui's components and modules (a `{...}` or `${...}` in them stands for any words, as in
 * "Fail node {node + 1}").
 */
const uiDir = join(import.meta.dirname, '../../../src/ui');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(entry.name) ? [path] : [];
  });
}

const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`]*)`/g;
const literalsIn = (code: string) => [...code.matchAll(literal)].map((m) => m[1] ?? m[2] ?? m[3]);

/**
 * The texts a source file puts on screen: text between tags (and the strings of an expression there,
 * as in {playing ? 'Pause' : 'Play'}), label, aria-label and title attributes, label and title fields
 * of option and chart tables, plain option lists and the lists an {#each} walks. `{...}` and `${...}`
 * stand for any words.
 */
function textsOf(source: string): string[] {
  const texts: string[] = [];
  for (const m of source.matchAll(/>([^<>]+)</g)) {
    texts.push(m[1]);
    for (const expr of m[1].matchAll(/\{([^{}]*)\}/g)) texts.push(...literalsIn(expr[1]));
  }
  for (const m of source.matchAll(/\b(?:label|aria-label|title)=(?:"([^"]*)"|\{([^{}]*)\})/g))
    texts.push(...(m[1] !== undefined ? [m[1]] : literalsIn(m[2])));
  for (const m of source.matchAll(
    /\b(?:label|title)\s*:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`)/g,
  ))
    texts.push(...literalsIn(m[1]));
  for (const m of source.matchAll(/options=\{\[([^\]]*)\]\}/g)) texts.push(...literalsIn(m[1]));
  for (const m of source.matchAll(/\{#each \[([\s\S]*?)\] as/g)) texts.push(...literalsIn(m[1]));
  return texts
    .map((t) =>
      t
        .replace(/\$?\{[^{}]*\}/g, '\uE000')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((t) => /\p{L}{2}/u.test(t.replace(/\uE000/g, ' '))); // words, not only holes
}

const uiTexts = [
  ...tierKindList.map((t) => t.label),
  ...eventKinds.map((k) => k.label),
  ...livePolicyNames, // the eviction select shows the policies by name
  ...sourceFiles(uiDir).flatMap((file) => textsOf(readFileSync(file, 'utf8'))),
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelPatterns = [...new Set(uiTexts)].map(
  (text) => new RegExp(`^${text.split('\uE000').map(escape).join('.+')}$`),
);

/** A label as written in a lesson is on screen: exactly, but for the case of its first letter. */
function onScreen(name: string): boolean {
  const forms = [
    name,
    name.charAt(0).toUpperCase() + name.slice(1),
    name.charAt(0).toLowerCase() + name.slice(1),
  ];
  return forms.some((form) => labelPatterns.some((pattern) => pattern.test(form)));
}

const controlWords = /\b(press|click|tick|untick|pick|choose|select|set|turn|filter|to|for)\s*$/i;

/** The labels a step's prose names in bold, by the convention above. */
function boldLabels(prose: string): string[] {
  const names: string[] = [];
  for (const m of prose.matchAll(/\*\*([^*]+)\*\*/g)) {
    const text = m[1].replace(/\s+/g, ' ').trim();
    const before = prose.slice(Math.max(0, m.index - 20), m.index);
    if (/^\d/.test(text)) continue; // a value to type, such as **1 second**
    if (text.includes('→')) names.push(...text.split('→').map((part) => part.trim()));
    else if (controlWords.test(before)) names.push(text);
  }
  return names;
}

/** The labels a hint names in double quotes (a path's parts each). */
function quotedLabels(hint: string): string[] {
  return [...hint.matchAll(/"([^"]+)"/g)].flatMap((m) => m[1].split('→').map((part) => part.trim()));
}

const eventTypes = eventKinds.map((k) => k.type).filter((type) => type.includes('.'));
const lessons = readLessonFiles().map(({ file, text }) => parseLesson(text, file));

describe('lesson vocabulary', () => {
  it('finds the labels of the controls, the totals and the event filter among the UI texts', () => {
    for (const label of ['Play', 'Fail node 2', 'Cache tiers', 'Distributed cache', 'stale read', 'Eviction'])
      expect(onScreen(label), label).toBe(true);
    for (const notALabel of ['Crash', 'read.stale', 'Purge → key', 'early-refresh button'])
      expect(onScreen(notALabel), notALabel).toBe(false);
  });

  it.each(lessons.map((lesson) => [lesson.file, lesson] as const))(
    '%s names every control, event and legend entry by its on-screen label',
    (_file, lesson) => {
      const wrong: string[] = [];
      const texts = [{ where: 'introduction', prose: lesson.intro, hints: [] as string[] }];
      for (const step of lesson.steps)
        texts.push({ where: `step "${step.title}"`, prose: step.prose, hints: step.hints });
      for (const { where, prose, hints } of texts) {
        for (const name of boldLabels(prose))
          if (!onScreen(name)) wrong.push(`${where}: **${name}** is not on screen`);
        for (const hint of hints)
          for (const name of quotedLabels(hint))
            if (!onScreen(name)) wrong.push(`${where}, hint: "${name}" is not on screen`);
        for (const text of [prose, ...hints]) {
          for (const type of eventTypes)
            if (text.includes(type)) {
              const label = eventKinds.find((k) => k.type === type)!.label;
              wrong.push(`${where}: names the event ${type}; the event log says "${label}"`);
            }
          if (/\bcrash(es)? (cache )?node\b/i.test(text))
            wrong.push(`${where}: says "crash node"; the control says "Fail node"`);
          if (/\bearly-refresh\b/.test(text))
            wrong.push(`${where}: says "early-refresh"; the control says "probabilistic early refresh"`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});
