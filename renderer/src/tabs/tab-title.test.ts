import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../composer/draft.js';
import { tabTitle, urlLabel } from './tab-title.js';

const tab = (method: string, url: string, title?: string) => ({ key: 't', draft: { ...emptyDraft(), method, url }, title });

describe('tab titles', () => {
  it('are the method and the path (and query), which tell tabs on one host apart', () => {
    expect(tabTitle(tab('GET', 'http://api.example.org/users/42?full=1'))).toBe('GET /users/42?full=1');
    expect(tabTitle(tab('POST', 'https://api.example.org/login'))).toBe('POST /login');
  });
  it('are the host for a bare origin, and the text without scheme for a URL that does not parse', () => {
    expect(urlLabel('https://example.org/')).toBe('example.org');
    expect(urlLabel('{{base}}/users')).toBe('{{base}}/users');
    expect(urlLabel('http://{{host}}/a')).toBe('{{host}}/a');
  });
  it('are the saved or given name first, and "New request" for a blank tab', () => {
    expect(tabTitle(tab('GET', 'http://x/a', 'Login'))).toBe('Login');
    expect(tabTitle(tab('GET', '  '))).toBe('New request');
  });
});
