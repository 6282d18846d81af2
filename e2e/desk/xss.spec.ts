import type { Page } from '@playwright/test';
import { test, expect, signInContext } from '../fixtures';
import {
  bodyEditor,
  caretToEnd,
  expectSaved,
  seedItem,
  seedPublishedIssue,
  selectInEditor,
  storedDocProblems,
  uniqueTag,
} from './desk-helpers';

/**
 * Hostile content, through the editor (typed, pasted, the link field) and as raw JSON posted straight
 * to the save action, ends up harmless: the stored document holds only allowed nodes, marks and
 * attributes, and no script runs on the public page, the preview or the editor. The pages are opened
 * with the Content-Security-Policy bypassed, so what is tested is the content itself, not the CSP.
 */

const RUN = 'window.__xss=1';

const pastedHtml = [
  `<script>${RUN}</script><p>after a script</p>`,
  `<img src=x onerror="${RUN}">`,
  `<p onclick="${RUN}" onmouseover="${RUN}" style="color:red">a paragraph with handlers</p>`,
  `<a href="javascript:${RUN}">js link</a>`,
  `<a href="JaVaScRiPt:${RUN}">mixed-case js link</a>`,
  `<a href="java&#x09;script:${RUN}">tab-entity js link</a>`,
  `<a href="&#106;avascript:${RUN}">entity js link</a>`,
  `<a href=" javascript:${RUN}">space js link</a>`,
  `<a href="data:text/html,&lt;script&gt;${RUN}&lt;/script&gt;">data link</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">base64 data link</a>`,
  `<a href="vbscript:msgbox(1)">vbscript link</a>`,
  `<a href="https://ok.example/" onmouseover="${RUN}" target="_blank" class="x">fine link with a handler</a>`,
  `<svg onload="${RUN}"><circle r="1"></circle></svg>`,
  `<svg><a xlink:href="javascript:${RUN}"><text>svg link</text></a></svg>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>${RUN}</script>"></iframe>`,
  `<object data="javascript:${RUN}"></object><embed src="javascript:${RUN}">`,
  `<details open ontoggle="${RUN}"><summary>details</summary></details>`,
  `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">math</maction></math>`,
  `<form action="javascript:${RUN}"><button formaction="javascript:${RUN}">a button</button></form>`,
  `<input autofocus onfocus="${RUN}"><video><source onerror="${RUN}"></video>`,
  `<b style="background:url(javascript:${RUN})">styled bold</b>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>"></p></noscript>`,
];

const typedText = `<script>${RUN}</script> and <img src=x onerror=${RUN}>`;

const linkDoc = (href: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'click me', marks: [{ type: 'link', attrs: { href, ...extra } }] }],
    },
  ],
});
const nodeDoc = (...nodes: unknown[]) => ({ type: 'doc', content: nodes });

/** Posted straight to the action, as a forged request would: refused, or stored cleaned. */
const rawBodies: { name: string; body: unknown; accepted: boolean }[] = [
  ...[
    `javascript:${RUN}`,
    `JavaScript:${RUN}`,
    ` javascript:${RUN}`,
    `java\tscript:${RUN}`,
    `java\nscript:${RUN}`,
    `\u0000javascript:${RUN}`,
    `jav&#x09;ascript:${RUN}`,
    `&#106;avascript:${RUN}`,
    `javascript&colon;${RUN}`,
    `javascript://%0A${RUN}`,
    `vbscript:msgbox(1)`,
    `data:text/html,<script>${RUN}</script>`,
    'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==',
    `//evil.example/x`,
    `https://ok.example/" onmouseover="${RUN}`,
  ].map((href) => ({ name: `link ${JSON.stringify(href)}`, body: linkDoc(href), accepted: false })),
  { name: 'script node', body: nodeDoc({ type: 'script', content: [{ type: 'text', text: RUN }] }), accepted: false },
  { name: 'iframe node', body: nodeDoc({ type: 'iframe', attrs: { src: `javascript:${RUN}` } }), accepted: false },
  {
    name: 'image with onerror',
    body: nodeDoc({ type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x', onerror: RUN } }] }),
    accepted: false,
  },
  { name: 'svg node', body: nodeDoc({ type: 'svg', attrs: { onload: RUN } }), accepted: false },
  { name: 'raw html node', body: nodeDoc({ type: 'html', text: `<img src=x onerror=${RUN}>` }), accepted: false },
  {
    name: 'heading level 1',
    body: nodeDoc({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'h1' }] }),
    accepted: false,
  },
  {
    name: 'heading level with a handler',
    body: nodeDoc({ type: 'heading', attrs: { level: `2" onclick="${RUN}` }, content: [{ type: 'text', text: 'h' }] }),
    accepted: false,
  },
  {
    name: 'style mark',
    body: nodeDoc({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'x',
          marks: [{ type: 'textStyle', attrs: { style: `background:url(javascript:${RUN})` } }],
        },
      ],
    }),
    accepted: false,
  },
  { name: 'not a document', body: `<script>${RUN}</script>`, accepted: false },
  // Allowed nodes and marks with extra attributes: stored without the extras.
  {
    name: 'allowed nodes with handler attributes',
    body: nodeDoc(
      { type: 'paragraph', content: [{ type: 'text', text: typedText }] },
      {
        type: 'paragraph',
        attrs: { onclick: RUN, style: 'x', class: 'y' },
        content: [
          { type: 'text', text: `<img src=x onerror=${RUN}>`, marks: [{ type: 'bold', attrs: { onclick: RUN } }] },
        ],
      },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'a fine link',
            marks: [
              {
                type: 'link',
                attrs: { href: 'https://ok.example/', onclick: RUN, target: '_blank', class: 'evil', rel: 'opener' },
              },
            ],
          },
        ],
      },
    ),
    accepted: true,
  },
];

async function expectHarmless(page: Page, where: string, root: string) {
  const found = await page.locator(root).evaluateAll((roots) =>
    roots.flatMap((r) => [
      // (ProseMirror's own caret helper, img.ProseMirror-separator, is not content.)
      ...Array.from(
        r.querySelectorAll(
          'script, iframe, object, embed, svg, math, img:not(.ProseMirror-separator), form, input, video, style, details',
        ),
      ).map((e) => `element ${e.tagName}`),
      ...Array.from(r.querySelectorAll('*')).flatMap((e) =>
        Array.from(e.attributes)
          .filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc')
          .map((a) => `${e.tagName} ${a.name}`),
      ),
      ...Array.from(r.querySelectorAll('a'))
        .map((a) => a.getAttribute('href') ?? '')
        .filter((h) => !/^(https?:\/\/|mailto:|\/(?!\/))/.test(h))
        .map((h) => `href ${h}`),
    ]),
  );
  expect(found, `hostile markup on ${where}`).toEqual([]);
}

test('hostile content through the editor and straight to the server action ends up harmless everywhere', async ({
  browser,
  db,
  makeAccount,
}) => {
  test.setTimeout(180_000);
  const editor = await makeAccount('EDITOR');
  const tag = uniqueTag();
  const issue = await seedPublishedIssue(db);
  const item = await seedItem(db, {
    authorId: editor.id,
    title: `Hostile text ${tag}`,
    state: 'PUBLISHED',
    paragraphs: ['Start.'],
    issue: { issueId: issue.id, sectionId: issue.sections[0]!.id },
  });
  // Without the CSP: whatever the page contains is what is tested.
  const context = await browser.newContext({ bypassCSP: true });
  const dialogs: string[] = [];
  context.on('page', (p) =>
    p.on('dialog', (d) => {
      if (d.type() !== 'beforeunload') dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => {});
    }),
  );
  const noScriptRan = async (page: Page, where: string) => {
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
      `window.__xss on ${where}`,
    ).toBeNull();
    expect(dialogs, `dialogs on ${where}`).toEqual([]);
  };
  try {
    await signInContext(context, editor);
    const page = await context.newPage();
    await page.goto(`/admin/items/${item.id}`);

    // Typed: text, not markup.
    await caretToEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type(typedText);

    // The link field refuses script and data addresses in any spelling.
    await selectInEditor(page, 'Start');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Add link' });
    for (const href of [
      `javascript:${RUN}`,
      ` JavaScript:${RUN}`,
      `java\tscript:${RUN}`,
      `data:text/html,<script>${RUN}</script>`,
      `vbscript:msgbox(1)`,
    ]) {
      await dialog.getByLabel('Address').fill(href);
      await dialog.getByLabel('Address').press('Enter');
      await expect(dialog.getByRole('alert')).toHaveText(
        /Only web \(http, https\) and e-mail \(mailto\) links are allowed\.|Enter a full address/,
      );
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(bodyEditor(page).locator('a')).toHaveCount(0);

    // Pasted: the editor keeps the text and drops the rest.
    for (const html of pastedHtml) {
      await caretToEnd(page);
      await page.keyboard.press('Enter');
      await bodyEditor(page).evaluate((el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/html', data);
        transfer.setData('text/plain', '');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, html);
    }
    await expect(bodyEditor(page)).toContainText('fine link with a handler');
    await noScriptRan(page, 'the editor while pasting');
    await expectHarmless(page, 'the editor', '.rte-content');

    const saveRequest = page.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const actionId = (await saveRequest).headers()['next-action']!;
    await expectSaved(page);
    let row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(storedDocProblems(row.body)).toEqual([]);
    expect(row.bodyText).toContain(typedText);
    expect(row.bodyText).toContain('fine link with a handler');
    const hrefs = (doc: unknown) => [...JSON.stringify(doc).matchAll(/"href":"([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs(row.body)).toEqual(['https://ok.example/']);

    // Raw JSON straight to the save action (the page's own action id, its session, a forged body).
    const post = (payload: unknown) =>
      page.evaluate(
        async ({ id, body }) => {
          const response = await fetch(window.location.pathname, {
            method: 'POST',
            headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
            body,
          });
          return { status: response.status, text: await response.text() };
        },
        { id: actionId, body: JSON.stringify([null, payload]) },
      );
    const fields = (body: unknown, extra: Record<string, unknown> = {}) => ({
      title: row.title,
      slug: row.slug,
      standfirst: row.standfirst,
      body,
      tags: [],
      sources: [],
      meetingId: null,
      publicationId: null,
      ...extra,
    });
    for (const raw of rawBodies) {
      const before = await db.item.findUniqueOrThrow({ where: { id: item.id } });
      const answer = await post({
        itemId: item.id,
        expectedVersion: before.version,
        autosave: false,
        fields: fields(raw.body),
      });
      expect(answer.status, raw.name).toBe(200);
      row = await db.item.findUniqueOrThrow({ where: { id: item.id } });
      if (raw.accepted) {
        expect(answer.text, raw.name).toContain('"ok":true');
        expect(row.version, raw.name).toBe(before.version + 1);
      } else {
        expect(answer.text, raw.name).toContain('"code":"invalid"');
        expect(row.version, `${raw.name} changed nothing`).toBe(before.version);
        expect(row.body, `${raw.name} changed nothing`).toEqual(before.body);
      }
      expect(storedDocProblems(row.body), raw.name).toEqual([]);
    }
    // The accepted one was stored without its extra attributes.
    expect(hrefs(row.body)).toEqual(['https://ok.example/']);
    expect(JSON.stringify(row.body)).not.toMatch(/"(onclick|target|class|rel|style)"/);
    expect(row.bodyText).toContain(`<img src=x onerror=${RUN}>`);

    // Other fields: a hostile title is text; a script link as a source is refused.
    let before = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    let answer = await post({
      itemId: item.id,
      expectedVersion: before.version,
      fields: fields(row.body, { sources: [{ name: 'x', url: `javascript:${RUN}`, date: '' }] }),
    });
    expect(answer.text).toContain('"code":"invalid"');
    expect(await db.source.count({ where: { itemId: item.id } })).toBe(0);
    answer = await post({
      itemId: item.id,
      expectedVersion: before.version,
      fields: fields(row.body, {
        title: `<img src=x onerror=${RUN}> ${tag}`,
        sources: [{ name: `<script>${RUN}</script>`, url: 'https://ok.example/', date: '' }],
      }),
    });
    expect(answer.text).toContain('"ok":true');
    before = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(before.title).toBe(`<img src=x onerror=${RUN}> ${tag}`);

    // The public page, the preview and the editor: nothing runs, nothing hostile in the markup.
    await page.goto(`/issues/${issue.number}/${before.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(before.title);
    await expect(page.locator('.prose')).toContainText(typedText);
    await noScriptRan(page, 'the public page');
    await expectHarmless(page, 'the public page', 'article.item-page');

    await page.goto(`/admin/items/${item.id}/preview`);
    await expect(page.getByTestId('item-preview').locator('.prose')).toContainText(typedText);
    await noScriptRan(page, 'the preview');
    await expectHarmless(page, 'the preview', '[data-testid="item-preview"]');

    await page.goto(`/admin/items/${item.id}`);
    await expect(bodyEditor(page)).toContainText(typedText);
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(before.title);
    await noScriptRan(page, 'the editor');
    await expectHarmless(page, 'the editor', '.rte-content');
  } finally {
    await context.close();
  }
});
