import { describe, expect, it } from 'vitest';
import { en } from './en';
import { et } from './et';

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

describe('dictionaries', () => {
  it('give every Estonian string an English one that is not empty', () => {
    const english = new Map(leaves(en));
    for (const [path, value] of leaves(et)) {
      const other = english.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof other === 'string') expect(other.trim(), path).not.toBe('');
    }
    expect(english.size).toBe(leaves(et).length);
  });
});
