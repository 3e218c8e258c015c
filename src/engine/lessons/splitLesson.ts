/** A lesson file cut into its parts, before any YAML is read. Line numbers are 1-based, in the file. */
export interface LessonParts {
  frontMatter: string;
  frontMatterLine: number;
  /** Markdown between the front matter and the first `## ` heading. */
  intro: string;
  sections: SectionParts[];
  /** Problems of the file's layout, each starting with where it is. */
  problems: string[];
}

export interface SectionParts {
  title: string;
  line: number;
  /** The section's Markdown without its step block. */
  prose: string;
  /** The YAML of its ```step block, or null when it has none (a problem is reported). */
  stepYaml: string | null;
  /** The line of the first YAML line of the step block. */
  stepLine: number;
}

const fence = /^(`{3,}|~{3,})\s*([\w-]*)\s*$/;

/** What a section's YAML block is called: ```step in a lesson (its sections are `steps`), ```beat in a demo. */
export interface SectionWords {
  block: string;
  list: string;
}

const lessonWords: SectionWords = { block: 'step', list: 'steps' };

/**
 * Cuts a lesson's Markdown into front matter, intro and `## ` sections, each with its one ```step
 * block (a demo's: ```beat, with `words`). Headings inside fenced code do not start a section.
 */
export function splitLesson(text: string, words: SectionWords = lessonWords): LessonParts {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const problems: string[] = [];
  if (lines[0]?.trim() !== '---') {
    return {
      frontMatter: '',
      frontMatterLine: 1,
      intro: '',
      sections: [],
      problems: ['line 1: expected the file to open with YAML front matter between two "---" lines'],
    };
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close < 0) {
    return {
      frontMatter: '',
      frontMatterLine: 2,
      intro: '',
      sections: [],
      problems: ['line 1: the front matter is never closed: expected a line "---" after it'],
    };
  }
  const frontMatter = lines.slice(1, close).join('\n');
  const intro: string[] = [];
  const sections: { title: string; line: number; body: { text: string; line: number }[] }[] = [];
  let openFence: string | null = null;
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i];
    const match = fence.exec(line);
    if (match && openFence === null) openFence = match[1][0];
    else if (match && openFence !== null && line.trim().startsWith(openFence) && match[2] === '')
      openFence = null;
    else if (openFence === null && line.startsWith('## ')) {
      sections.push({ title: line.slice(3).trim(), line: i + 1, body: [] });
      continue;
    }
    if (sections.length === 0) intro.push(line);
    else sections[sections.length - 1].body.push({ text: line, line: i + 1 });
  }
  if (sections.length === 0)
    problems.push(
      `${words.list}: expected at least one ${words.block}: a "## " heading followed by a \`\`\`${words.block} block`,
    );
  return {
    frontMatter,
    frontMatterLine: 2,
    intro: intro.join('\n').trim(),
    sections: sections.map((section, index) => cutStepBlock(section, index, words, problems)),
    problems,
  };
}

function cutStepBlock(
  section: { title: string; line: number; body: { text: string; line: number }[] },
  index: number,
  words: SectionWords,
  problems: string[],
): SectionParts {
  const prose: string[] = [];
  const blocks: { yaml: string[]; line: number }[] = [];
  let inStep = false;
  let otherFence: string | null = null;
  for (const { text, line } of section.body) {
    const match = fence.exec(text);
    if (inStep) {
      if (match && match[2] === '') inStep = false;
      else blocks[blocks.length - 1].yaml.push(text);
      continue;
    }
    if (otherFence === null && match?.[2] === words.block) {
      inStep = true;
      blocks.push({ yaml: [], line: line + 1 });
      continue;
    }
    if (match && otherFence === null) otherFence = match[1];
    else if (match && otherFence !== null && match[2] === '') otherFence = null;
    prose.push(text);
  }
  const where = `${words.list}[${index}] "${section.title}" (line ${section.line})`;
  if (section.title === '') problems.push(`${where}: expected a title after "## "`);
  if (inStep)
    problems.push(
      `${where}: the \`\`\`${words.block} block is never closed: expected a line \`\`\` after it`,
    );
  if (blocks.length !== 1) {
    problems.push(
      `${where}: expected exactly one \`\`\`${words.block} block of YAML, found ${blocks.length}`,
    );
  }
  return {
    title: section.title,
    line: section.line,
    prose: prose.join('\n').trim(),
    stepYaml: blocks.length === 1 ? blocks[0].yaml.join('\n') : null,
    stepLine: blocks[0]?.line ?? section.line,
  };
}
