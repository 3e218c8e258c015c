import { InputError } from '../inputError';

/**
 * Parses JSON text. A syntax error becomes an InputError naming the line and column and, for the
 * usual slips (a trailing comma, single quotes, a comment), what to change.
 *
 * @param what what the text holds, for the message ("scenario", "command log").
 */
export function parseJson(text: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    let found: JsonSyntaxError | null = null;
    try {
      found = findJsonSyntaxError(body);
    } catch (scanError) {
      // Nested deeper than the scan's stack (thousands of "[" in a row): JSON.parse's words will do.
      if (!(scanError instanceof RangeError)) throw scanError;
    }
    const where = found ? lineAndColumn(body, found.position) : null;
    const problem = where
      ? `line ${where.line}, column ${where.column}: ${found!.message}`
      : `${error.message}`;
    throw new InputError(`The ${what} is not valid JSON`, [problem]);
  }
}

// JSON.parse's messages differ between engines and seldom say how to fix: this scan finds where and why.

interface JsonSyntaxError {
  position: number;
  message: string;
}

class JsonScanError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonScanError(at, message);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const wordAt = () => /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 40))?.[0] ?? '';

  const value = (): void => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) fail('the text ends where a value was expected (is a "}" or "]" missing?)');
    else if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (c === "'") fail('text needs double quotes ("..."), not single quotes');
    else if (c === '/') fail('JSON has no comments; remove them');
    else if (c === '.') fail('a number needs a digit before the decimal point (0.5, not .5)');
    else if (c === '+') fail('a JSON number cannot start with "+"');
    else {
      const word = wordAt();
      if (word === 'true' || word === 'false' || word === 'null') pos += word.length;
      else if (word)
        fail(`unexpected word ${word}: expected a number, "text", true, false, null, an object or a list`);
      else fail(`unexpected character ${JSON.stringify(c)}: expected a value`);
    }
  };

  const object = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      const c = text[pos];
      if (c === '"') string();
      else if (c === '}') fail('a comma before "}": JSON allows no comma after the last field');
      else if (c === "'") fail('field names need double quotes ("name"), not single quotes');
      else if (c === '/') fail('JSON has no comments; remove them');
      else if (c === undefined) fail('the text ends inside an object (is a "}" missing?)');
      else if (wordAt()) fail(`field names need double quotes: write "${wordAt()}"`);
      else fail(`expected a field name in double quotes, got ${JSON.stringify(c)}`);
      skipSpace();
      if (text[pos] !== ':') fail('expected ":" after the field name');
      pos++;
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      if (text[pos] === undefined) fail('the text ends inside an object (is a "}" missing?)');
      if (text[pos] === '/') fail('JSON has no comments; remove them');
      fail('expected "," or "}" after a field\'s value (is a comma missing?)');
    }
  };

  const array = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') fail('a comma before "]": JSON allows no comma after the last item');
      value();
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      if (text[pos] === undefined) fail('the text ends inside a list (is a "]" missing?)');
      if (text[pos] === '/') fail('JSON has no comments; remove them');
      fail('expected "," or "]" after an item (is a comma missing?)');
    }
  };

  const string = (): void => {
    const start = pos;
    pos++;
    while (pos < text.length) {
      const c = text[pos];
      if (c === '"') {
        pos++;
        return;
      }
      if (c === '\\') {
        const e = text[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail('expected four hex digits after \\u');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail(`unknown escape \\${e ?? ''} in text (to write a backslash, write \\\\)`);
        continue;
      }
      if (c < ' ') fail('a line break or control character inside text: close the quote on the same line');
      pos++;
    }
    fail('this text is never closed with a double quote', start);
  };

  const number = (): void => {
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') {
      pos++;
      if (text[pos] >= '0' && text[pos] <= '9') fail('a JSON number cannot start with 0 (write 7, not 07)');
    } else if (text[pos] >= '1' && text[pos] <= '9') {
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    } else fail('expected a digit');
    if (text[pos] === '.') {
      pos++;
      if (!(text[pos] >= '0' && text[pos] <= '9')) fail('expected a digit after the decimal point');
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      if (!(text[pos] >= '0' && text[pos] <= '9')) fail('expected a digit in the exponent');
      while (text[pos] >= '0' && text[pos] <= '9') pos++;
    }
  };

  try {
    skipSpace();
    if (pos === text.length)
      return { position: 0, message: 'the text is empty: expected a JSON value ({ ... } or [ ... ])' };
    value();
    skipSpace();
    if (pos < text.length) fail('unexpected text after the end of the JSON value (one value per file)');
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return { position: error.position, message: error.message };
    throw error;
  }
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
