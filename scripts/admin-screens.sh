#!/usr/bin/env bash
# Photographs the back office's screens for docs/screens. The admin module's screen tests render each screen
# against stand-ins of the internal WAS and keep the HTML under admin/target/screens (ScreenTests.snapshot, with the
# style sheet and scripts pointing at the sources); this takes those files into Chromium and writes
# docs/screens/<name>.png at 1280 px wide, the full page.
#
#   ./mvnw -B -ntp -o -pl admin -am verify -Dtest=none -Dit.test='*ScreensIntegrationTests' \
#       -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
#   PUPPETEER_CORE=/path/to/node_modules/puppeteer-core scripts/admin-screens.sh NAME [NAME...]
#
# NAME is a file of admin/target/screens without .html (orders-import, order-exchange, ...); the picture is named
# admin-NAME.png unless NAME already starts with admin-. Needs node, puppeteer-core and Chromium (CHROMIUM, default
# /usr/bin/chromium); nothing is downloaded.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
PUPPETEER_CORE="${PUPPETEER_CORE:-/work/lh/node_modules/puppeteer-core}"

if [ "$#" -eq 0 ]; then
    echo "usage: $0 NAME [NAME...]   (files of admin/target/screens, without .html)" >&2
    exit 2
fi
command -v node >/dev/null || { echo "node is needed" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "no Chromium at $CHROMIUM (set CHROMIUM)" >&2; exit 1; }
[ -d "$PUPPETEER_CORE" ] || { echo "no puppeteer-core at $PUPPETEER_CORE (set PUPPETEER_CORE)" >&2; exit 1; }

for name in "$@"; do
    [ -f "$REPO/admin/target/screens/$name.html" ] || { echo "no admin/target/screens/$name.html: run the screen tests" >&2; exit 1; }
done

PUPPETEER_CORE="$PUPPETEER_CORE" CHROMIUM="$CHROMIUM" REPO="$REPO" node - "$@" <<'JS'
const puppeteer = require(process.env.PUPPETEER_CORE);
const path = require('path');
(async () => {
  const browser = await puppeteer.launch({executablePath: process.env.CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files']});
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 800});
    for (const name of process.argv.slice(2)) {
      const file = path.join(process.env.REPO, 'admin', 'target', 'screens', name + '.html');
      await page.goto('file://' + file, {waitUntil: 'load'});
      const picture = name.startsWith('admin-') ? name : 'admin-' + name;
      const out = path.join(process.env.REPO, 'docs', 'screens', picture + '.png');
      await page.screenshot({path: out, fullPage: true});
      console.log('wrote docs/screens/' + picture + '.png');
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
JS
