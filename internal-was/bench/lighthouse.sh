#!/usr/bin/env bash
# Lighthouse (mobile, the default form factor) on the storefront's home, category, search and product pages in
# id-ID, ko-KR and en-US, through the gateway of a running appliance (./onshore up), as in docs/benchmarks.md.
#   internal-was/bench/lighthouse.sh [gateway base URL] [output folder]
# Needs Lighthouse 12 (npm install lighthouse in a folder outside the repository; point LIGHTHOUSE at its binary)
# and Chromium (CHROME_PATH). Prints one line per page with the four scores, then the audits that did not pass.
set -euo pipefail

BASE="${1:-http://localhost:8080}"
OUT="${2:-$(mktemp -d -t onshore-lighthouse.XXXXXX)}"
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

command -v "$LIGHTHOUSE" >/dev/null || { echo "lighthouse not found: npm install lighthouse, then LIGHTHOUSE=<its bin>" >&2; exit 2; }
command -v node >/dev/null || { echo "node not found" >&2; exit 2; }
[[ -x "$CHROME_PATH" ]] || { echo "Chromium not found at $CHROME_PATH (set CHROME_PATH)" >&2; exit 2; }
curl -fsS -o /dev/null "$BASE/en-us/" || { echo "no storefront at $BASE (./onshore up first)" >&2; exit 2; }

mkdir -p "$OUT"
for locale in id-id ko-kr en-us; do
  for page in home category search product; do
    case "$page" in
      home) path="/$locale/" ;;
      category) path="/$locale/c/health.vitamins" ;;
      search) path="/$locale/search?q=vitamin" ;;
      product) path="/$locale/p/HS-VITC-1000" ;;
    esac
    "$LIGHTHOUSE" "$BASE$path" --quiet --output=json --output-path="$OUT/$locale-$page.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox" >/dev/null
  done
done

node - "$OUT" <<'JS'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const failing = new Map();
console.log('| page | performance | accessibility | best practices | SEO |');
console.log('|---|---|---|---|---|');
for (const file of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  const c = report.categories;
  const score = id => c[id] ? Math.round(c[id].score * 100) : '-';
  const url = new URL(report.finalDisplayedUrl || report.finalUrl);
  console.log(`| ${url.pathname}${url.search} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  for (const category of Object.values(c)) {
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) {
        const key = `${category.id}: ${ref.id} (${audit.title})`;
        failing.set(key, [...(failing.get(key) || []), url.pathname]);
      }
    }
  }
}
console.log(`\nAudits below 0.9 (reports in ${dir}):`);
for (const [key, pages] of [...failing].sort()) {
  console.log(`- ${key}: ${pages.length} page(s)`);
}
JS
