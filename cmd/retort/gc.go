package main

import (
	"os"
	"runtime/debug"
)

// tuneGC lets the heap grow to five times what survives a collection
// before the next, unless GOGC says otherwise. A retort process is short
// and its live heap small (schemas; SQLite's own memory is outside Go's
// heap), so the default target collects several times in a 30 ms check
// for a few MB saved; measured, this takes a sixth off a cached 500-table
// SQLite check and adds about a fifth to the peak memory of loading 2000
// tables (see BENCHMARKS.md).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
