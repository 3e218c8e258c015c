import { describe, expect, it } from 'vitest';
import { KeyColumns } from '../../../../src/engine/model/cache/keyColumns';

describe('the per-key columns of the dense cache tiers', () => {
  it('keep every value through more rows and more columns than they started with', () => {
    const table = new KeyColumns(4, 2);
    const columns = [table.addColumn(), table.addColumn()];
    table.write(1, columns[0], 11);
    table.write(3, columns[1], -3);
    table.write(40, columns[1], 7); // grows the rows
    const third = table.addColumn(); // widens every row
    table.write(2, third, 5);
    expect(table.stride).toBe(4);
    expect(table.rows).toBeGreaterThan(40);
    expect([
      table.read(1, columns[0]),
      table.read(3, columns[1]),
      table.read(40, columns[1]),
      table.read(2, third),
    ]).toEqual([11, -3, 7, 5]);
    expect(table.read(1, columns[1])).toBe(0);
    expect(table.read(100_000, columns[0])).toBe(0); // beyond the table: never held
  });

  it('clear one column and leave the others', () => {
    const table = new KeyColumns();
    const a = table.addColumn();
    const b = table.addColumn();
    for (let key = 0; key < 100; key++) {
      table.write(key, a, key + 1);
      table.write(key, b, -(key + 1));
    }
    table.clearColumn(a);
    expect([table.read(50, a), table.read(50, b), table.read(99, b)]).toEqual([0, -51, -100]);
  });
});
