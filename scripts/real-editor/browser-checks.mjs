// What a person sees: Playwright against the real workbench page. Opens
// dsm.sys (with SCHEDMODE PROMPTED) from a fresh copy of the fixture, with the
// extension loaded from its development path, and checks colours, the warning
// squiggle, the hover of a Bucky host and the quick-fix menu; then the
// firewall code lens (and the rules it opens), Format Document, the effective
// options document of the stanza at the cursor, and a Jinja
// template of dsm.sys whose tags must be coloured apart.
import fs from 'node:fs';
import path from 'node:path';

const NBSP = /\u00a0/g;

/** Page-side: rectangle of `word` inside the first view line containing `lineText`. */
function pageTextRect({ lineText, word }) {
  const norm = (s) => s.replace(/\u00a0/g, ' ');
  const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')];
  const line = lines.find((l) => norm(l.textContent).includes(lineText));
  if (!line) return null;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  let text = '';
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ n, start: text.length });
    text += norm(n.textContent);
  }
  const at = text.indexOf(word);
  if (at < 0) return null;
  const range = document.createRange();
  const locate = (off) => {
    for (let i = nodes.length - 1; i >= 0; i--)
      if (nodes[i].start <= off) return { node: nodes[i].n, off: off - nodes[i].start };
    return { node: nodes[0].n, off: 0 };
  };
  const a = locate(at),
    b = locate(at + word.length - 1);
  range.setStart(a.node, a.off);
  range.setEnd(b.node, b.off + 1);
  const r = range.getBoundingClientRect();
  const lr = line.getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height, lineTop: lr.top, lineBottom: lr.bottom };
}

/** Page-side: look (colour, style, classes) of the token span holding `word` in the line containing `lineText`. */
function pageTokenLook({ lineText, word }) {
  const norm = (s) => s.replace(/\u00a0/g, ' ');
  const lines = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')];
  const line = lines.find((l) => norm(l.textContent).includes(lineText));
  if (!line) return null;
  const spans = [...line.querySelectorAll('span span')].filter((s) => !s.querySelector('span'));
  const span = spans.find((s) => norm(s.textContent).includes(word));
  if (!span) return null;
  const cs = getComputedStyle(span);
  return {
    text: norm(span.textContent),
    color: cs.color,
    fontStyle: cs.fontStyle,
    fontWeight: cs.fontWeight,
    className: span.className,
  };
}

function pageViewText() {
  return [...document.querySelectorAll('.monaco-editor .view-lines .view-line')]
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((l) => l.textContent.replace(/\u00a0/g, ' '))
    .join('\n');
}

async function poll(fn, what, timeout = 15000, interval = 100) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last && last.ok !== false) return last;
    } catch (e) {
      last = { error: e.message };
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms: ${what}${last ? `; last: ${JSON.stringify(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function runBrowserChecks(o) {
  const { context, workspace, extensionPath, resultsDir, docsDir, workbenchUrl, remote, say, verbose, isNoise } = o;
  const results = [];
  const shot = async (page, name, docsName) => {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${name}.png`);
    await page.screenshot({ path: file });
    if (docsDir && docsName) {
      fs.mkdirSync(docsDir, { recursive: true });
      fs.copyFileSync(file, path.join(docsDir, docsName));
      say(`        wrote ${path.join(path.basename(docsDir), docsName)}`);
    }
  };
  const check = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      results.push({ name: `browser: ${name}`, ok: true, ms: Date.now() - t });
    } catch (e) {
      results.push({ name: `browser: ${name}`, ok: false, error: e.message, ms: Date.now() - t });
      await shot(page, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => {});
    }
  };

  const page = await context.newPage();
  page.on('pageerror', (e) => {
    if (verbose || !isNoise(String(e))) say(`[page error] ${e.message}`);
  });
  if (verbose) page.on('console', (m) => say(`[console ${m.type()}] ${m.text()}`));
  const file = path.join(workspace, 'dsm.sys');
  const url = workbenchUrl(workspace, [
    ['extensionDevelopmentPath', remote(extensionPath)],
    // The workbench names its workspace files with the page's host:port as the
    // remote authority (the configuration's literal "remote" is resolved to it);
    // a file opened under "remote" would be a second, unrelated document.
    ['openFile', `vscode-remote://${new URL(o.serverUrl).host}${file}`],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(url);

  const textRect = (lineText, word) => page.evaluate(pageTextRect, { lineText, word });
  const look = (lineText, word) => page.evaluate(pageTokenLook, { lineText, word });
  const viewText = () => page.evaluate(pageViewText);

  /**
   * Runs a command from the command palette, again until `done` holds (the
   * palette may not be ready, nor the command registered, at first).
   */
  async function runFromPalette(command, rowText, done, what, ...limits) {
    await poll(
      async () => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget:visible input');
        try {
          await input.waitFor({ timeout: 3000 });
        } catch {
          return { ok: false, why: 'no command palette' };
        }
        await input.fill('>' + command);
        const row = page.locator('.quick-input-widget:visible .monaco-list-row', { hasText: rowText }).first();
        try {
          await row.waitFor({ timeout: 3000 });
        } catch {
          await page.keyboard.press('Escape');
          return { ok: false, why: `no ${command} entry` };
        }
        await row.click();
        try {
          await done();
          return { ok: true };
        } catch {
          return { ok: false, why: `${command}: not done yet` };
        }
      },
      what,
      ...limits,
    );
  }
  const PROMPTED_LINE = 'SCHEDMODE          PROMPTED';
  const COMMENT_LINE = '* The lab server still uses';
  const HOST = 'bucky2.doit.wisc.edu';

  // Close the (empty) secondary side bar if the workbench shows it.
  const closeAux = async () => {
    if (await page.locator('.part.auxiliarybar:visible').count()) {
      await page.keyboard.press('Control+Alt+B').catch(() => {});
    }
  };

  let opened = true;
  await check('dsm.sys opens in an editor', async () => {
    await poll(
      async () => (await viewText()).includes(PROMPTED_LINE),
      'the editor to show dsm.sys with SCHEDMODE PROMPTED',
      60000,
    );
    const tabs = await page.locator('.tabs-container .tab').count();
    if (tabs !== 1) throw new Error(`expected one editor tab, found ${tabs}`);
    await closeAux().catch(() => {});
  });
  if (!results[0].ok) opened = false;

  await check('grammar colours option name, value and comment differently', async () => {
    if (!opened) throw new Error('dsm.sys did not open');
    const looks = await poll(async () => {
      const name = await look(PROMPTED_LINE, 'SCHEDMODE');
      const value = await look(PROMPTED_LINE, 'PROMPTED');
      const comment = await look(COMMENT_LINE, 'lab server');
      if (!name || !value || !comment) return { ok: false, name, value, comment };
      const key = (l) => `${l.color}|${l.fontStyle}|${l.fontWeight}`;
      const distinct = new Set([key(name), key(value), key(comment)]).size === 3;
      return { ok: distinct, name, value, comment };
    }, 'option name, value and comment to be drawn in three different looks');
    say(
      `        option ${looks.name.color} (${looks.name.className}), value ${looks.value.color} (${looks.value.className}), comment ${looks.comment.color} ${looks.comment.fontStyle} (${looks.comment.className})`,
    );
  });

  await check('warning squiggle on the PROMPTED line', async () => {
    if (!opened) throw new Error('dsm.sys did not open');
    await poll(
      async () => {
        const word = await textRect(PROMPTED_LINE, 'PROMPTED');
        if (!word) return { ok: false, why: 'PROMPTED not on screen' };
        const squiggles = await page.$$eval('.monaco-editor .squiggly-warning', (els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        const hit = squiggles.find(
          (s) =>
            s.width > 0 &&
            s.y + s.height / 2 >= word.lineTop &&
            s.y + s.height / 2 <= word.lineBottom &&
            s.x < word.x + word.width &&
            s.x + s.width > word.x,
        );
        return { ok: !!hit, squiggles: squiggles.length, word };
      },
      'a .squiggly-warning under PROMPTED',
      30000,
    );
    await shot(page, 'diagnostics-squiggle');
    // For the README: the warning's own hover over the squiggle.
    try {
      const word = await textRect(PROMPTED_LINE, 'PROMPTED');
      await page.mouse.move(word.x + word.width / 2 - 3, word.y + word.height / 2);
      await page.mouse.move(word.x + word.width / 2, word.y + word.height / 2, { steps: 3 });
      await page
        .locator('.monaco-hover:visible', { hasText: /POLLING|PROMPTED|SCHEDMODE/i })
        .first()
        .waitFor({ timeout: 8000 });
    } catch {
      /* the squiggle screenshot is enough */
    }
    await shot(page, 'diagnostics', 'screenshot-diagnostics.png');
    await page.mouse.move(1390, 600);
    await page.keyboard.press('Escape');
  });

  await check(`hover on ${HOST} shows its port`, async () => {
    if (!opened) throw new Error('dsm.sys did not open');
    const hover = page.locator('.monaco-hover:visible', { hasText: '1500' }).first();
    await poll(
      async () => {
        const r = await textRect('TCPServeraddress   ' + HOST, HOST);
        if (!r) return { ok: false, why: 'host not on screen' };
        await page.mouse.move(r.x + r.width / 2 - 4, r.y + r.height / 2);
        await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2, { steps: 4 });
        try {
          await hover.waitFor({ timeout: 3000 });
          return { ok: true };
        } catch {
          return { ok: false, why: 'no hover with 1500 yet' };
        }
      },
      `a hover widget with the port 1500 over ${HOST}`,
      30000,
      200,
    );
    const text = (await hover.innerText()).replace(NBSP, ' ');
    say(`        hover: ${text.split('\n').filter(Boolean).slice(0, 4).join(' | ')}`);
    await shot(page, 'hover', 'screenshot-hover.png');
    await page.mouse.move(1390, 600);
    await page.keyboard.press('Escape');
  });

  await check('quick-fix menu (Ctrl+.) offers POLLING and applies it', async () => {
    if (!opened) throw new Error('dsm.sys did not open');
    const word = await textRect(PROMPTED_LINE, 'PROMPTED');
    if (!word) throw new Error('PROMPTED not on screen');
    await page.mouse.click(word.x + word.width / 2, word.y + word.height / 2);
    const menu = page.locator('.action-widget:visible');
    const item = menu.locator('.monaco-list-row', { hasText: 'POLLING' }).first();
    await poll(
      async () => {
        await page.keyboard.press('Control+.');
        try {
          await item.waitFor({ timeout: 3000 });
          return { ok: true };
        } catch {
          const rows = await menu
            .locator('.monaco-list-row')
            .allInnerTexts()
            .catch(() => []);
          await page.keyboard.press('Escape');
          return { ok: false, rows };
        }
      },
      'a quick-fix menu entry with POLLING',
      30000,
      300,
    );
    const rows = (await menu.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    say(`        menu: ${rows.join(' | ')}`);
    await shot(page, 'quickfix-menu');
    await item.click();
    await poll(
      async () => {
        const t = await viewText();
        return {
          ok:
            !t.includes('PROMPTED') &&
            /SCHEDMODE {10}POLLING/.test(t) &&
            t.split('\n').filter((l) => /SCHEDMODE\s+POLLING/.test(l)).length >= 2,
        };
      },
      'the editor to show SCHEDMODE POLLING instead of PROMPTED',
      15000,
    );
    // ...and the warning squiggle under the fixed word goes away.
    await poll(
      async () => {
        const w = await textRect('SCHEDMODE          POLLING', 'POLLING');
        const lines = await page.$$eval('.monaco-editor .view-lines .view-line', (els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, text: e.textContent.replace(/\u00a0/g, ' ') };
          }),
        );
        const fixed = lines.filter((l) => /SCHEDMODE\s+POLLING/.test(l.text));
        const squiggles = await page.$$eval('.monaco-editor .squiggly-warning', (els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { y: r.y + r.height / 2, width: r.width };
          }),
        );
        return { ok: !!w && !squiggles.some((s) => s.width > 0 && fixed.some((l) => s.y >= l.top && s.y <= l.bottom)) };
      },
      'the warning squiggle to leave the fixed line',
      15000,
    );
    await shot(page, 'after-quickfix');
  });

  // Opens a workspace file through Quick Open and waits until the editor shows `marker`.
  const openFile = async (rel, marker) => {
    await page.keyboard.press('Escape');
    await poll(
      async () => {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget:visible input');
        try {
          await input.waitFor({ timeout: 3000 });
        } catch {
          return { ok: false, why: 'no Quick Open' };
        }
        await input.fill(rel);
        // The row of that file in that folder (a recently opened dsm.sys elsewhere may be listed first).
        const [folder, name] = [rel.split('/').slice(0, -1).join('/'), rel.split('/').pop()];
        const row = page
          .locator('.quick-input-widget:visible .monaco-list-row')
          .filter({ hasText: name })
          .filter({ hasText: folder })
          .first();
        try {
          await row.waitFor({ timeout: 5000 });
        } catch {
          await page.keyboard.press('Escape');
          return { ok: false, why: `no Quick Open row for ${rel}` };
        }
        await row.click();
        try {
          await poll(async () => (await viewText()).includes(marker), `${rel} in the editor`, 5000);
          return { ok: true };
        } catch {
          return { ok: false, why: `${rel} not shown` };
        }
      },
      `${rel} to open`,
      30000,
      300,
    );
  };

  await check('firewall code lens over each stanza, and the rules it opens', async () => {
    if (!opened) throw new Error('the workbench did not open');
    await openFile('firewall/dsm.sys', 'SErvername  LAB');
    const lens = (text) => page.locator('.monaco-editor .codelens-decoration', { hasText: text }).first();
    await poll(
      async () => {
        try {
          await lens('Firewall: allow outbound TCP to bucky5.doit.wisc.edu:1503').waitFor({ timeout: 2000 });
          await lens('inbound TCP on port 1501 from the server').waitFor({ timeout: 2000 });
          return { ok: true };
        } catch {
          return { ok: false, why: 'lenses not drawn yet' };
        }
      },
      'the firewall code lenses over BUCKY5 and LAB',
      30000,
      300,
    );
    const texts = (await page.locator('.monaco-editor .codelens-decoration').allInnerTexts()).map((t) =>
      t.replace(NBSP, ' ').trim(),
    );
    say(`        lenses: ${texts.join(' || ')}`);
    // The lenses are long: the side bar makes room for them (it stays closed for the next check).
    if (await page.locator('.part.sidebar:visible').count()) await page.keyboard.press('Control+B');
    await page.mouse.move(1390, 600);
    await shot(page, 'codelens', 'screenshot-codelens.png');
    await lens('Firewall: allow outbound TCP to bucky5').locator('a', { hasText: 'Firewall:' }).first().click();
    await poll(
      async () => ({ ok: /iptables -A OUTPUT -p tcp -d "\$SERVER" --dport 1503/.test(await viewText()) }),
      'the rules in a new editor',
      15000,
    );
    const tab = await page.locator('.tabs-container .tab.active').innerText();
    if (!/Untitled/i.test(tab)) throw new Error(`the rules opened in "${tab}", not a new untitled document`);
    await shot(page, 'firewall-rules');
  });

  await check('Format Document aligns the values of each stanza', async () => {
    if (!opened) throw new Error('the workbench did not open');
    await openFile('format/dsm.sys', 'SErvername ARCHIVE');
    await runFromPalette(
      'Format Document',
      /^Format Document/,
      async () => poll(async () => (await viewText()).includes('tcpp             1503'), 'aligned values', 4000),
      'the document to be formatted',
      30000,
      500,
    );
    const text = await viewText();
    for (const line of [
      '   TCPServeraddress bucky5.doit.wisc.edu',
      '   SCHEDMODe        POLLING',
      '   ERRORLOGName     "/var/log/tsm/lab errors.log"',
      'TCPPort          1501',
    ]) {
      if (!text.includes(line)) throw new Error(`formatted text lacks "${line}":\n${text}`);
    }
    await page.mouse.move(1390, 600);
    await shot(page, 'format', 'screenshot-format.png');
  });

  await check('Show effective options: a read-only document of the stanza at the cursor', async () => {
    if (!opened) throw new Error('the workbench did not open');
    await openFile('firewall/dsm.sys', 'SErvername  LAB');
    // The cursor into the LAB stanza, on its TCPCLIENTPort line.
    const at = await poll(
      async () => (await textRect('TCPCLIENTPort      1501', '1501')) ?? { ok: false, why: 'line not on screen' },
      'the TCPCLIENTPort line of LAB',
    );
    await page.mouse.click(at.x + 2, at.y + at.height / 2);
    await runFromPalette(
      'Show effective options',
      'Show effective options',
      async () =>
        poll(
          async () => (await viewText()).includes('Effective options: stanza LAB of dsm.sys'),
          'the effective options',
          6000,
        ),
      'the effective options of LAB in an editor',
      30000,
      500,
    );
    const text = await viewText();
    // The view lines of both editors (the dsm.sys and the options beside it), each line whole; the end of the options is off screen.
    for (const line of [
      /^From dsm\.sys:$/m,
      /^ +SCHEDMODE: PROMPTED +line 18; server: SET SCHEDMODES$/m,
      /^ +TCPCLIENTPORT: 1501 +line 19; server: UPDATE NODE \.\.\. LLADDRESS$/m,
    ]) {
      if (!line.test(text)) throw new Error(`the effective options lack ${line}:\n${text}`);
    }
    // Beside the dsm.sys: a second editor group, whose active tab is the options.
    const tabs = await page.locator('.tabs-container .tab.active').allInnerTexts();
    if (!tabs.some((t) => /Effective options of dsm\.sys/.test(t)) || tabs.length !== 2)
      throw new Error(`the active tabs are ${JSON.stringify(tabs)}`);
    // Read-only: typing changes nothing.
    await page.keyboard.type('zz');
    await poll(async () => ({ ok: !(await viewText()).includes('zz') }), 'the text to stay as it is', 3000);
    await page.mouse.move(1390, 600);
    await shot(page, 'effective-options', 'screenshot-effective-options.png');
  });

  await check('template dsm.sys.j2: tags coloured apart from option names and values', async () => {
    if (!opened) throw new Error('the workbench did not open');
    const TAG_LINE = '{% if server.legacy %}';
    const OPTION_LINE = 'TCPServeraddress   {{ server.address }}';
    await openFile('templates/dsm.sys.j2', TAG_LINE);
    const looks = await poll(async () => {
      const tag = await look(TAG_LINE, '{%');
      const keyword = await look(TAG_LINE, 'if');
      const brace = await look(OPTION_LINE, '{{');
      const name = await look(OPTION_LINE, 'TCPServeraddress');
      const value = await look('PASSWORDAccess     generate', 'generate');
      if (!tag || !keyword || !brace || !name || !value) return { ok: false, tag, keyword, brace, name, value };
      const key = (l) => `${l.color}|${l.fontStyle}|${l.fontWeight}`;
      const ok =
        key(tag) === key(brace) &&
        key(tag) !== key(name) &&
        key(keyword) !== key(name) &&
        key(tag) !== key(keyword) &&
        key(name) !== key(value);
      return { ok, tag, keyword, name, value };
    }, 'the tag delimiters, the control keyword and the option name to be drawn in different looks');
    say(
      `        tag ${looks.tag.color}, keyword ${looks.keyword.color}, option ${looks.name.color}, value ${looks.value.color}`,
    );
    await shot(page, 'template-colours', 'screenshot-template.png');
  });

  await page.close().catch(() => {});
  return results;
}
