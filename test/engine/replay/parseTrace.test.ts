import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/engine/replay/parseTrace';
import { InputError } from '../../../src/engine/inputError';

function rejection(text: string): InputError {
  try {
    parseTrace(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected parseTrace to reject the trace');
}

describe('parseTrace', () => {
  it('parses a trace with every column into typed arrays, interning keys in order of first use', () => {
    const trace = parseTrace('time,key,size,op\n0,a,100,read\n1.5,b,20,write\n1.5,a,100,READ\n9,c,7,read\n');
    expect(Array.from(trace.times)).toEqual([0, 1.5, 1.5, 9]);
    expect(Array.from(trace.keys)).toEqual([0, 1, 0, 2]);
    expect(Array.from(trace.sizes)).toEqual([100, 20, 100, 7]);
    expect(Array.from(trace.ops)).toEqual([0, 1, 0, 0]);
    expect(trace.keyNames).toEqual(['a', 'b', 'c']);
    expect(trace.distinctKeys).toBe(3);
    expect(trace.requests).toBe(4);
    expect(trace.times).toBeInstanceOf(Float64Array);
    expect(trace.keys).toBeInstanceOf(Int32Array);
    expect(trace.ops).toBeInstanceOf(Uint8Array);
  });

  it("reads libCacheSim's obj_id and obj_size columns, in any order, with CRLF line ends", () => {
    const trace = parseTrace('obj_size,time,obj_id\r\n5,1,42\r\n6,2,43\r\n5,3,42\r\n');
    expect(Array.from(trace.keys)).toEqual([0, 1, 0]);
    expect(Array.from(trace.sizes)).toEqual([5, 6, 5]);
    expect(trace.keyNames).toEqual(['42', '43']);
  });

  it('defaults size to 1 and op to read when those columns are absent, and ignores trailing blank lines', () => {
    const trace = parseTrace('time,key\n0,x\n1,y\n\n\n');
    expect(Array.from(trace.sizes)).toEqual([1, 1]);
    expect(Array.from(trace.ops)).toEqual([0, 0]);
    expect(trace.requests).toBe(2);
  });

  it('accepts quoted keys that contain commas and quotes', () => {
    const trace = parseTrace('time,key\n0,"user:1,cart"\n1,"say ""hi"""\n2,"user:1,cart"\n');
    expect(trace.keyNames).toEqual(['user:1,cart', 'say "hi"']);
    expect(Array.from(trace.keys)).toEqual([0, 1, 0]);
  });

  it('parses 200,000 rows into the same counts it was given', () => {
    const rows = ['time,key,size'];
    for (let i = 0; i < 200_000; i++) rows.push(`${i},k${i % 5000},${1 + (i % 7)}`);
    const trace = parseTrace(rows.join('\n'));
    expect(trace.requests).toBe(200_000);
    expect(trace.distinctKeys).toBe(5000);
    expect(trace.keys[199_999]).toBe(199_999 % 5000);
    expect(trace.sizes[199_999]).toBe(1 + (199_999 % 7));
  });

  const malformed: [string, string, RegExp][] = [
    ['an empty file', '', /empty.*header/],
    ['only blank lines', '\n  \n\n', /empty/],
    ['a header without rows', 'time,key,size\n', /no requests/],
    ['a header without a key column', 'time,size\n0,1\n', /line 1.*"key"/],
    ['a header without a time column', 'obj_id,obj_size\n1,1\n', /line 1.*"time"/],
    ['an unknown column', 'time,key,sise\n0,a,1\n', /line 1.*"sise"/],
    ['a column given twice', 'time,key,obj_id\n0,a,b\n', /line 1.*"key".*twice/],
    ['a non-numeric time', 'time,key\n0,a\nsoon,b\n', /line 3, field "time".*"soon"/],
    ['a negative time', 'time,key\n-5,a\n', /line 2, field "time".*"-5"/],
    ['an empty time', 'time,key\n,a\n', /line 2, field "time"/],
    ['time going backwards', 'time,key\n0,a\n10,b\n9,c\n', /line 4, field "time".*backwards/],
    ['a fractional size', 'time,key,size\n0,a,1.5\n', /line 2, field "size".*"1.5"/],
    ['a zero size', 'time,key,size\n0,a,1\n1,b,0\n', /line 3, field "size".*"0"/],
    ['a non-numeric size', 'time,key,size\n0,a,big\n', /line 2, field "size".*"big"/],
    ['an unknown op', 'time,key,op\n0,a,read\n1,a,delete\n', /line 3, field "op".*"delete"/],
    ['too few fields', 'time,key,size\n0,a,1\n1,b\n', /line 3: expected 3 fields.*got 2/],
    ['too many fields', 'time,key\n0,a,extra\n', /line 2: expected 2 fields.*got 3/],
    ['an empty key', 'time,key\n0, \n', /line 2, field "key"/],
    ['a blank line inside the trace', 'time,key\n0,a\n\n1,b\n', /line 3: empty line/],
    ['an unclosed quote', 'time,key\n0,"a\n', /line 2: .*quoted field/],
  ];

  it.each(malformed)('rejects %s with an InputError naming the line and field', (_what, text, message) => {
    expect(rejection(text).message).toMatch(message);
  });
});
