import { describe, expect, it } from 'vitest';
import { commandSchema } from '../../../src/engine/scenario/commandSchema';
import { commandTypes } from '../../../src/engine/scenario/commandTypes';

describe('commandTypes', () => {
  it('names every command the schema accepts, in its order, and no other', () => {
    expect(commandSchema.options.map((option) => option.shape.type.value)).toEqual([...commandTypes]);
  });
});
