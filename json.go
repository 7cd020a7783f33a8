package retort

import (
	"slices"
	"strings"
	"time"
)

// JSONFormatVersion is the "format_version" of every JSON document the
// JSON* types describe (docs/json.md). It changes only when a field is
// removed or changes meaning; new fields may appear in any version.
const JSONFormatVersion = 1

// JSONRevision is a revision in JSON output.
type JSONRevision struct {
	ID          string   `json:"id"`
	Parents     []string `json:"parents"`
	DependsOn   []string `json:"depends_on"`
	Message     string   `json:"message"`
	File        string   `json:"file"`
	Created     string   `json:"created,omitempty"` // RFC 3339, UTC
	Head        bool     `json:"head"`
	Merge       bool     `json:"merge"`
	BranchPoint bool     `json:"branch_point"`
	// Current is set in history when the database is at it.
	Current *bool `json:"current,omitempty"`
}

// NewJSONRevision converts r for JSON output.
func NewJSONRevision(r Revision) JSONRevision {
	j := JSONRevision{ID: r.ID, Parents: nonNil(r.Parents), DependsOn: nonNil(r.DependsOn), Message: r.Message,
		File: r.File, Head: r.Head, Merge: r.Merge, BranchPoint: r.BranchPoint}
	if !r.Created.IsZero() {
		j.Created = r.Created.UTC().Format(time.RFC3339)
	}
	return j
}

func jsonRevisions(rs []Revision) []JSONRevision {
	out := make([]JSONRevision, len(rs))
	for i, r := range rs {
		out[i] = NewJSONRevision(r)
	}
	return out
}

// JSONUnfinished is an unfinished run in JSON output.
type JSONUnfinished struct {
	Revision  string `json:"revision"`
	Direction string `json:"direction"`
	Done      int    `json:"done"`
	InFlight  int    `json:"in_flight"`
	Pending   int    `json:"pending"`
	Message   string `json:"message"`
}

func jsonUnfinished(us []Unfinished) []JSONUnfinished {
	out := make([]JSONUnfinished, len(us))
	for i, u := range us {
		out[i] = JSONUnfinished{Revision: u.Revision, Direction: string(u.Direction), Done: u.Done,
			InFlight: u.InFlight, Pending: u.Pending, Message: u.String()}
	}
	return out
}

// JSONCheck is `retort check --format json`.
type JSONCheck struct {
	FormatVersion int              `json:"format_version"`
	Clean         bool             `json:"clean"`
	AtHead        bool             `json:"at_head"`
	Current       []string         `json:"current"`
	Heads         []string         `json:"heads"`
	Pending       []JSONRevision   `json:"pending"`
	Edited        []JSONRevision   `json:"edited"`
	Unfinished    []JSONUnfinished `json:"unfinished"`
	// Changes are the differences from the desired schema, one line each
	// as `check` prints them.
	Changes []string `json:"changes"`
	// Unmanaged are the objects retort does not manage that differ.
	Unmanaged []JSONUnmanaged `json:"unmanaged"`
}

// JSONUnmanaged is an object retort does not manage that differs between
// the database and the desired schema.
type JSONUnmanaged struct {
	Kind       string `json:"kind"`
	Schema     string `json:"schema,omitempty"`
	Table      string `json:"table,omitempty"`
	Name       string `json:"name"`
	InDatabase bool   `json:"in_database"`
	InDesired  bool   `json:"in_desired"`
	// Definition is the desired schema's, else the database's;
	// DatabaseDefinition the database's when both have the object.
	Definition         string `json:"definition"`
	DatabaseDefinition string `json:"database_definition,omitempty"`
}

// NewJSONCheck converts a check report for JSON output.
func NewJSONCheck(rep *CheckReport) JSONCheck {
	var changes []string
	if len(rep.Changes) > 0 {
		changes = strings.Split(strings.TrimRight(Describe(rep.Changes), "\n"), "\n")
	}
	return JSONCheck{FormatVersion: JSONFormatVersion, Clean: rep.Clean(), AtHead: rep.AtHead,
		Current: nonNil(rep.Current), Heads: nonNil(rep.Heads), Pending: jsonRevisions(rep.Pending),
		Edited: jsonRevisions(rep.Edited), Unfinished: jsonUnfinished(rep.Unfinished), Changes: nonNil(changes),
		Unmanaged: jsonUnmanaged(rep.Unmanaged)}
}

func jsonUnmanaged(us []UnmanagedDifference) []JSONUnmanaged {
	out := []JSONUnmanaged{}
	for _, u := range us {
		o := u.Object
		out = append(out, JSONUnmanaged{Kind: o.Kind, Schema: o.Schema, Table: o.Table, Name: o.Name,
			InDatabase: u.InDatabase, InDesired: u.InDesired, Definition: o.Definition, DatabaseDefinition: u.DatabaseDefinition})
	}
	return out
}

// JSONFinding is a lint finding in JSON output.
type JSONFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"` // "error" or "warning"
	File     string `json:"file"`
	Line     int    `json:"line"` // 0 when the finding has no line
	// Table and Column name what the finding is about ("" when it is not
	// about one table; Column "" for the whole table).
	Table   string `json:"table"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

// JSONLint is `retort lint --format json`.
type JSONLint struct {
	FormatVersion int           `json:"format_version"`
	Pending       int           `json:"pending"`
	Errors        bool          `json:"errors"`
	Findings      []JSONFinding `json:"findings"`
}

// NewJSONLint converts a lint report for JSON output.
func NewJSONLint(rep *LintReport) JSONLint {
	out := JSONLint{FormatVersion: JSONFormatVersion, Pending: rep.Pending, Errors: rep.HasErrors(),
		Findings: make([]JSONFinding, len(rep.Findings))}
	for i, f := range rep.Findings {
		out.Findings[i] = JSONFinding{Rule: f.Rule, Severity: string(f.Severity), File: f.File, Line: f.Line, Table: f.Table, Column: f.Column, Message: f.Message}
	}
	return out
}

// JSONCurrentRevision is one revision the database is at.
type JSONCurrentRevision struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Head    bool   `json:"head"`
	// Known is false for a recorded revision with no file.
	Known bool `json:"known"`
}

// JSONCurrent is `retort current --format json`.
type JSONCurrent struct {
	FormatVersion int                   `json:"format_version"`
	Current       []JSONCurrentRevision `json:"current"` // empty at base
	Unfinished    []JSONUnfinished      `json:"unfinished"`
}

// NewJSONCurrent describes the revisions ids the database is at, and its
// unfinished runs, for JSON output.
func (r *Revisions) NewJSONCurrent(ids []string, unfinished []Unfinished) JSONCurrent {
	out := JSONCurrent{FormatVersion: JSONFormatVersion, Current: make([]JSONCurrentRevision, len(ids)),
		Unfinished: jsonUnfinished(unfinished)}
	for i, id := range ids {
		rev, ok := r.Get(id)
		out.Current[i] = JSONCurrentRevision{ID: id, Message: rev.Message, Head: rev.Head, Known: ok}
	}
	return out
}

// JSONHistory is `retort history --format json`, newest first.
type JSONHistory struct {
	FormatVersion int            `json:"format_version"`
	Revisions     []JSONRevision `json:"revisions"`
}

// NewJSONHistory lists every revision, newest first; with current (the
// database's revisions, non-nil when it was asked) each says whether the
// database is at it.
func (r *Revisions) NewJSONHistory(current []string) JSONHistory {
	out := JSONHistory{FormatVersion: JSONFormatVersion, Revisions: jsonRevisions(r.History())}
	if current != nil {
		for i := range out.Revisions {
			at := slices.Contains(current, out.Revisions[i].ID)
			out.Revisions[i].Current = &at
		}
	}
	return out
}

// JSONHeads is `retort heads --format json`.
type JSONHeads struct {
	FormatVersion int            `json:"format_version"`
	Heads         []JSONRevision `json:"heads"`
}

// NewJSONHeads lists the heads for JSON output.
func (r *Revisions) NewJSONHeads() JSONHeads {
	return JSONHeads{FormatVersion: JSONFormatVersion, Heads: jsonRevisions(r.Heads())}
}

// JSONDiff is `retort diff --format json`.
type JSONDiff struct {
	FormatVersion int      `json:"format_version"`
	Statements    []string `json:"statements"`
	// Unmanaged lists the objects retort does not manage that differ
	// (as UnmanagedDifference.String says them); the statements leave
	// them out.
	Unmanaged []string `json:"unmanaged,omitempty"`
}

// NewJSONDiff wraps DiffSQL's statements for JSON output.
func NewJSONDiff(stmts []string) JSONDiff {
	return JSONDiff{FormatVersion: JSONFormatVersion, Statements: nonNil(stmts)}
}

// JSONResult is one revision applied or reverted.
type JSONResult struct {
	ID         string `json:"id"`
	Message    string `json:"message"`
	Direction  string `json:"direction"` // "up" or "down"
	DurationMS int64  `json:"duration_ms"`
	Statements int    `json:"statements"`
}

// JSONMigrate is `retort upgrade|downgrade --format json`.
type JSONMigrate struct {
	FormatVersion int          `json:"format_version"`
	Direction     string       `json:"direction"`
	Target        string       `json:"target"`
	Applied       []JSONResult `json:"applied"` // in the order they ran
	// Current is where the database is afterwards ([] at base); null
	// after an error.
	Current []string `json:"current"`
	// Error is the failure, when there was one (the process exits non-zero).
	Error string `json:"error,omitempty"`
}

// NewJSONMigrate describes a migration's results for JSON output.
func NewJSONMigrate(dir Direction, target string, done []Result) JSONMigrate {
	out := JSONMigrate{FormatVersion: JSONFormatVersion, Direction: string(dir), Target: target,
		Applied: make([]JSONResult, len(done))}
	for i, r := range done {
		out.Applied[i] = JSONResult{ID: r.ID, Message: r.Message, Direction: string(r.Direction),
			DurationMS: r.Duration.Milliseconds(), Statements: r.Statements}
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
