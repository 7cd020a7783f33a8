package corpus

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/sqlsplit"
)

// The PostgreSQL snapshot is `pg_dump --schema-only`: every object kind
// of the database, as the server's own dump states it, so a kind retort
// does not model still makes a case fail. Normalized: comments, SET
// lines and owners/privileges left out; the lines inside a CREATE TABLE
// (columns and inline CHECKs) sorted, since column order may differ; the
// statements sorted. retort's own tables are left out.

func needPgDump(t *testing.T) {
	if _, err := exec.LookPath("pg_dump"); err != nil {
		unavailable(t, "postgres corpus (pg_dump)", err)
	}
}

var pgDumpNoise = regexp.MustCompile(`^(SET |SELECT pg_catalog\.set_config\()`)

func postgresCatalog(ctx context.Context, u *url.URL) ([]string, error) {
	args := []string{"--schema-only", "--no-owner", "--no-privileges", "--dbname=" + u.String()}
	for _, t := range dialect.BookkeepingTables {
		args = append(args, "--exclude-table=*."+t)
	}
	cmd := exec.CommandContext(ctx, "pg_dump", args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("pg_dump: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	var kept []string
	for _, line := range strings.Split(out.String(), "\n") {
		// Comments, and psql's \restrict lines around a dump.
		if strings.HasPrefix(line, "--") || strings.HasPrefix(line, `\`) {
			continue
		}
		kept = append(kept, line)
	}
	stmts, err := sqlsplit.SplitWith(strings.Join(kept, "\n"), postgres.Dialect{}.SplitOptions())
	if err != nil {
		return nil, fmt.Errorf("splitting pg_dump's output: %w", err)
	}
	var lines []string
	for _, s := range stmts {
		text := strings.TrimSpace(s.SQL)
		if text == "" || pgDumpNoise.MatchString(text) {
			continue
		}
		lines = append(lines, sortTableBody(text))
	}
	return sortedLines(lines), nil
}

// sortTableBody sorts the column lines of pg_dump's CREATE TABLE
// ("CREATE TABLE x (\n    a int,\n    b text\n)...").
func sortTableBody(stmt string) string {
	if !strings.HasPrefix(stmt, "CREATE TABLE ") && !strings.HasPrefix(stmt, "CREATE UNLOGGED TABLE ") {
		return stmt
	}
	lines := strings.Split(stmt, "\n")
	if len(lines) < 3 || !strings.HasSuffix(lines[0], "(") {
		return stmt
	}
	end := -1
	for i := len(lines) - 1; i > 0; i-- {
		if strings.HasPrefix(lines[i], ")") {
			end = i
			break
		}
	}
	if end < 0 {
		return stmt
	}
	body := make([]string, 0, end-1)
	for _, l := range lines[1:end] {
		body = append(body, strings.TrimSuffix(strings.TrimSpace(l), ","))
	}
	slices.Sort(body)
	return lines[0] + "\n    " + strings.Join(body, ",\n    ") + "\n" + strings.Join(lines[end:], "\n")
}
