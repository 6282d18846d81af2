import { describe, expect, it } from 'vitest';
import { visibleItemsSql } from './visible-items-sql';

const person = (role: 'ADMIN' | 'EDITOR' | 'CONTRIBUTOR', status: 'ACTIVE' | 'INVITED' | 'DEACTIVATED' = 'ACTIVE') => ({
  id: `u-${role}`,
  role,
  status,
});

describe('visibleItemsSql', () => {
  it('lets editors and admins see every item', () => {
    expect(visibleItemsSql(person('EDITOR')).sql).toBe('TRUE');
    expect(visibleItemsSql(person('ADMIN')).sql).toBe('TRUE');
  });

  it('limits a contributor to their own items, the id as a parameter', () => {
    const sql = visibleItemsSql(person('CONTRIBUTOR'), 'it');
    expect(sql.sql).toBe('"it"."authorId" = ?');
    expect(sql.values).toEqual(['u-CONTRIBUTOR']);
  });

  it('matches nothing for anyone else', () => {
    expect(visibleItemsSql(null).sql).toBe('FALSE');
    expect(visibleItemsSql(person('EDITOR', 'DEACTIVATED')).sql).toBe('FALSE');
    expect(visibleItemsSql(person('CONTRIBUTOR', 'INVITED')).sql).toBe('FALSE');
  });
});
