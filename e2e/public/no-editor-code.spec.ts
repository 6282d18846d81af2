import { test, expect } from '../fixtures';

// Public pages are server-rendered; the editor (tiptap, ProseMirror) must never reach a reader's browser.
for (const path of ['/', '/issues/25']) {
  test(`${path} ships no editor code`, async ({ page, request }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) {
      const source = await (await request.get(url)).text();
      expect(source, url).not.toMatch(/prosemirror|@tiptap|ProseMirror/);
    }
  });
}
