package sqlsplit

import (
	"errors"
	"strings"
)

// psql input (Options.NoPsql false, as on PostgreSQL).
//
// A backslash where a statement would start begins a meta-command, up to
// the end of the line. pg_dump (from the August 2025 minor releases:
// 17.6, 16.10, 15.14...) frames its output with \restrict and
// \unrestrict, which only keep psql from running meta-commands a hostile
// server put in the dump: they are skipped. Any other (\connect, \i,
// \copy, \set...) changes what psql would run, which the server cannot
// do, so it is an error here rather than a syntax error from the server.

// skippedMetaCommands are the meta-commands a file may hold and retort
// drops.
var skippedMetaCommands = map[string]bool{`\restrict`: true, `\unrestrict`: true}

// metaCommand handles the backslash at offset at, on line, before any
// token of a statement: it skips the rest of the line or fails.
func (s *splitter) metaCommand(at, line int) error {
	end := strings.IndexByte(s.src[at:], '\n')
	if end < 0 {
		end = len(s.src) - at
	}
	text := s.src[at : at+end]
	name := text
	if i := strings.IndexAny(text, " \t\r"); i >= 0 {
		name = text[:i]
	}
	if !skippedMetaCommands[name] {
		return s.fail(line, "psql meta-command %s is not SQL: retort runs each statement on the server, not through psql (only pg_dump's \\restrict and \\unrestrict lines are skipped)", name)
	}
	s.lx.i = at + end
	return nil
}

// copyFromStdin reports a COPY ... FROM STDIN: psql sends the rows that
// follow it in the file, a driver does not, and the server would wait
// for them forever.
func copyFromStdin(stmt string, o Options) bool {
	if len(stmt) < 4 || !strings.EqualFold(stmt[:4], "COPY") {
		return false // a statement starts at its first token
	}
	return copyFromStdinTokens(Tokens(stmt, o))
}

// copyFromStdinTokens is copyFromStdin on a statement's tokens, which
// leave out the blanks and comments before it.
func copyFromStdinTokens(toks []Token) bool {
	if len(toks) == 0 || !toks[0].Word || !strings.EqualFold(toks[0].Text, "COPY") {
		return false
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Word && toks[i+1].Word && strings.EqualFold(toks[i].Text, "FROM") && strings.EqualFold(toks[i+1].Text, "STDIN") {
			return true
		}
	}
	return false
}

// RefuseCopyFromStdin returns the error of a COPY ... FROM STDIN under
// o's psql rules (nil when o.NoPsql), for one statement that was not
// split from a file: a Go revision's, rendered at run time.
func RefuseCopyFromStdin(stmt string, o Options) error {
	if o.NoPsql || !copyFromStdinTokens(Tokens(stmt, o)) {
		return nil
	}
	return errors.New(copyFromStdinMsg)
}

// copyFromStdinMsg is the error of such a statement.
const copyFromStdinMsg = "COPY ... FROM STDIN reads its rows from the client, which retort does not send (the server would wait for them forever): write the rows as INSERT statements, and give a desired schema without data (pg_dump -s)"
