import { describe, expect, it } from 'vitest';
import type { TreeItem } from '../../../contract/workspace.js';
import { dropMove, dropWhere, folderChoices, parentOf, rebase, stepMove, visibleRows } from './tree-model.js';

const folder = (path: string, name = path.split('/').pop() as string): TreeItem => ({ kind: 'folder', path, name });
const req = (path: string, url = `http://x/${path}`, name = path.split('/').pop() as string): TreeItem => ({ kind: 'request', path, name, method: 'GET', url, version: 'v1' });

// Collection order, as the core sends it: a folder before its contents.
const ITEMS: TreeItem[] = [folder('auth', 'Auth'), req('auth/login', 'http://api/login', 'Log in'), req('auth/logout'), folder('users'), folder('users/admin'), req('users/admin/list'), req('users/get', 'http://api/users/{{id}}'), req('ping')];

const paths = (rows: { item: TreeItem }[]): string[] => rows.map((r) => r.item.path);

describe('visibleRows', () => {
  it('lists everything in order with depths, folders with contents marked', () => {
    const rows = visibleRows(ITEMS, new Set());
    expect(paths(rows)).toEqual(ITEMS.map((i) => i.path));
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 1, 0, 1, 2, 1, 0]);
    expect(rows.filter((r) => r.hasChildren).map((r) => r.item.path)).toEqual(['auth', 'users', 'users/admin']);
  });

  it('hides what is inside a collapsed folder, at any depth', () => {
    expect(paths(visibleRows(ITEMS, new Set(['users'])))).toEqual(['auth', 'auth/login', 'auth/logout', 'users', 'ping']);
    expect(paths(visibleRows(ITEMS, new Set(['users/admin'])))).toEqual(['auth', 'auth/login', 'auth/logout', 'users', 'users/admin', 'users/get', 'ping']);
  });

  it('filters by name and URL, case-insensitively, showing each match with its folders (collapsed or not)', () => {
    expect(paths(visibleRows(ITEMS, new Set(['auth']), 'log IN'))).toEqual(['auth', 'auth/login']);
    expect(paths(visibleRows(ITEMS, new Set(['users']), '{{id}}'))).toEqual(['users', 'users/get']);
    // The folder by its name, the request by its URL.
    expect(paths(visibleRows(ITEMS, new Set(), 'admin'))).toEqual(['users', 'users/admin', 'users/admin/list']);
    expect(paths(visibleRows(ITEMS, new Set(), 'nothing like it'))).toEqual([]);
    expect(paths(visibleRows(ITEMS, new Set(), '   '))).toEqual(ITEMS.map((i) => i.path));
  });
});

describe('moves', () => {
  it('steps among siblings and stops at the ends', () => {
    expect(stepMove(ITEMS, 'auth/logout', -1)).toEqual({ path: 'auth/logout', toFolder: 'auth', seq: 0 });
    expect(stepMove(ITEMS, 'auth/login', 1)).toEqual({ path: 'auth/login', toFolder: 'auth', seq: 1 });
    expect(stepMove(ITEMS, 'auth/login', -1)).toBeUndefined();
    expect(stepMove(ITEMS, 'ping', 1)).toBeUndefined();
    expect(stepMove(ITEMS, 'users', 1)).toEqual({ path: 'users', toFolder: '', seq: 2 });
  });

  it('reads a drop position: folders take the middle half, requests split in two', () => {
    expect(dropWhere(2, 24, true)).toBe('before');
    expect(dropWhere(12, 24, true)).toBe('into');
    expect(dropWhere(22, 24, true)).toBe('after');
    expect(dropWhere(11, 24, false)).toBe('before');
    expect(dropWhere(13, 24, false)).toBe('after');
  });

  it('turns a drop into a move: into a folder (last), before or after a row (index without the item)', () => {
    expect(dropMove(ITEMS, 'ping', 'auth', 'into')).toEqual({ path: 'ping', toFolder: 'auth', seq: 2 });
    expect(dropMove(ITEMS, 'ping', 'auth/logout', 'before')).toEqual({ path: 'ping', toFolder: 'auth', seq: 1 });
    expect(dropMove(ITEMS, 'auth/login', 'auth/logout', 'after')).toEqual({ path: 'auth/login', toFolder: 'auth', seq: 1 });
    expect(dropMove(ITEMS, 'ping', 'auth', 'before')).toEqual({ path: 'ping', toFolder: '', seq: 0 });
  });

  it('refuses a drop into itself or its own folder, onto a request, or one that changes nothing', () => {
    expect(dropMove(ITEMS, 'users', 'users/admin', 'into')).toBeUndefined();
    expect(dropMove(ITEMS, 'users', 'users', 'into')).toBeUndefined();
    expect(dropMove(ITEMS, 'users', 'users/get', 'before')).toBeUndefined();
    expect(dropMove(ITEMS, 'ping', 'auth/login', 'into')).toBeUndefined();
    expect(dropMove(ITEMS, 'auth/login', 'auth', 'into')).toBeUndefined();
    expect(dropMove(ITEMS, 'auth/login', 'auth/logout', 'before')).toBeUndefined();
    expect(dropMove(ITEMS, 'auth/login', 'gone', 'before')).toBeUndefined();
  });

  it('offers the folders an item can go to, by their names, never itself or its own folders', () => {
    expect(folderChoices(ITEMS, 'users')).toEqual([
      { path: '', label: '(workspace root)' },
      { path: 'auth', label: 'Auth' },
    ]);
    expect(folderChoices(ITEMS).map((c) => c.label)).toEqual(['(workspace root)', 'Auth', 'users', 'users / admin']);
  });

  it('rebases paths under a moved item only', () => {
    expect(parentOf('a/b/c')).toBe('a/b');
    expect(parentOf('a')).toBe('');
    expect(rebase('users/admin/list', 'users', 'people')).toBe('people/admin/list');
    expect(rebase('users2/x', 'users', 'people')).toBe('users2/x');
    expect(rebase('users', 'users', 'people')).toBe('people');
  });
});
