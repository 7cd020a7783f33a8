#!/usr/bin/env bash
# Vets and tests every Go module of the repository: the core, the loader
# modules (gormschema, entschema, bunschema), each example and the
# examples' test helper (examples/internal/exampletest), every one
# of them found by its go.mod. The core runs TESTPKGS (default ./...),
# the others all their packages; TESTMODULES (directories) narrows the
# modules. gotestsum prints failures in full and the skipped tests with
# their reasons; the last line counts all modules together: "N passed, N
# failed, N skipped". Any failure, build failures included, exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
TESTFLAGS=${TESTFLAGS:--count=1 -timeout 20m}
TESTEVENTS=${TESTEVENTS:-bin/test-events.json}
TESTPKGS=${TESTPKGS:-./...}
TESTMODULES=${TESTMODULES:-$(find . -name go.mod -not -path '*/testdata/*' -not -path './bin/*' -exec dirname {} \; | sort)}

gotestsum=$($GO tool -n gotestsum) || exit 1
mkdir -p "$(dirname "$TESTEVENTS")"
: >"$TESTEVENTS"
status=0
for dir in $TESTMODULES; do
	pkgs=./...
	[ "$dir" = . ] && pkgs=$TESTPKGS
	echo "== module $dir" >&2
	(cd "$dir" && $GO vet ./...) || status=1
	part=$(mktemp)
	# shellcheck disable=SC2086 # TESTFLAGS and TESTPKGS are word lists
	(cd "$dir" && "$gotestsum" --format pkgname-and-test-fails --format-hide-empty-pkg \
		--jsonfile "$part" -- $TESTFLAGS $pkgs) || status=1
	cat "$part" >>"$TESTEVENTS"
	rm -f "$part"
done
./scripts/testcount.sh "$TESTEVENTS"
exit $status
