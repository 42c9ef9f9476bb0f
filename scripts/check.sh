#!/usr/bin/env bash
# Static checks: formatting, go vet and staticcheck. Exits non-zero on any
# finding. Usage: scripts/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	export PATH="/usr/local/go/bin:$PATH"
fi

status=0
unformatted=$(gofmt -l $(git ls-files --cached --others --exclude-standard '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt: these files need formatting:" >&2
	echo "$unformatted" >&2
	status=1
fi
go vet ./... || status=1
go run honnef.co/go/tools/cmd/staticcheck@v0.7.0 ./... || status=1
exit $status
