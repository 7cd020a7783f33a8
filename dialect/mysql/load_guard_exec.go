package mysql

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/sqlsplit"
)

// execRuns tells, for the server VERSION() names, whether it runs the
// code of an executable comment with the given marker: "/*!" always,
// "/*!50001" and "/*M!100100" from that version on (major, minor and
// patch in two digits each), "/*M!" only on MariaDB.
func execRuns(version string) func(marker string) bool {
	server := versionNumber(version)
	mariadb := isMariaDB(version)
	return func(marker string) bool {
		digits := strings.TrimLeft(marker, "/*M!")
		if strings.HasPrefix(marker, "/*M!") && !mariadb {
			return false
		}
		if digits == "" {
			return true
		}
		n, err := strconv.Atoi(digits)
		return err != nil || n <= server
	}
}

// versionNumber writes "10.11.19-MariaDB-..." as executable comments
// do, 101119.
func versionNumber(version string) int {
	parts := strings.SplitN(version, ".", 3)
	n := 0
	for i := range 3 {
		v := 0
		if i < len(parts) {
			digits := parts[i]
			if end := strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }); end >= 0 {
				digits = digits[:end]
			}
			v, _ = strconv.Atoi(digits)
		}
		n = n*100 + v
	}
	return n
}

// serverCode leaves out the tokens of the executable comments the
// server skips.
func serverCode(toks []sqlsplit.Token, runs func(marker string) bool) []sqlsplit.Token {
	out := make([]sqlsplit.Token, 0, len(toks))
	for _, t := range toks {
		if t.Exec == "" || runs(t.Exec) {
			out = append(out, t)
		}
	}
	return out
}
