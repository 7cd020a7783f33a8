#!/usr/bin/env sh
# Prints "N passed, N failed, N skipped" from the go test -json events
# gotestsum wrote (--jsonfile), for people and CI alike. A test counts
# once per run (subtests too); a package that failed without a failing
# test (a build error, a panic in TestMain) counts as one failure.
set -eu
events=${1:?usage: testcount.sh EVENTS.json}
awk '
{
	if (!match($0, /"Action":"[a-z]+"/)) next
	action = substr($0, RSTART + 10, RLENGTH - 11)
	pkg = ""
	if (match($0, /"Package":"[^"]*"/)) pkg = substr($0, RSTART + 11, RLENGTH - 12)
	if ($0 ~ /"Test":"/) {
		if (action == "pass") passed++
		else if (action == "skip") skipped++
		else if (action == "fail") { failed++; testfail[pkg] = 1 }
	} else if (action == "fail") {
		pkgfail[pkg] = 1
	}
}
END {
	for (p in pkgfail) if (!(p in testfail)) failed++
	printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped
}' "$events"
