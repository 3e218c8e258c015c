import { describe, expect, it } from 'vitest';
import { KeyColumns } from '../../../src/engine/model/keyColumns';

const read = (table: KeyColumns, key: number, column: number) => table.data[key * table.stride + column];
const write = (table: KeyColumns, key: number, column: number, value: number) => {
  table.ensure(key);
  table.data[key * table.stride + column] = value;
};

describe('the per-key columns of the dense cache tiers', () => {
  it('keep every value through more rows and more columns than they started with', () => {
    const table = new KeyColumns(4, 2);
    const columns = [table.addColumn(), table.addColumn()];
    write(table, 1, columns[0], 11);
    write(table, 3, columns[1], -3);
    write(table, 40, columns[1], 7); // grows the rows
    const third = table.addColumn(); // widens every row
    write(table, 2, third, 5);
    expect(table.stride).toBe(4);
    expect(table.rows).toBeGreaterThan(40);
    expect([
      read(table, 1, columns[0]),
      read(table, 3, columns[1]),
      read(table, 40, columns[1]),
      read(table, 2, third),
    ]).toEqual([11, -3, 7, 5]);
    expect(read(table, 1, columns[1])).toBe(0);
  });

  it('clear one column and leave the others', () => {
    const table = new KeyColumns();
    const a = table.addColumn();
    const b = table.addColumn();
    for (let key = 0; key < 100; key++) {
      write(table, key, a, key + 1);
      write(table, key, b, -(key + 1));
    }
    table.clearColumn(a);
    expect([read(table, 50, a), read(table, 50, b), read(table, 99, b)]).toEqual([0, -51, -100]);
  });
});
