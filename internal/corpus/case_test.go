package corpus

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/retortdb/retort"
)

// corpusCase is one testdata/cases/<dialect>/<name>.txtar file.
type corpusCase struct {
	path    string
	name    string // file name without .txtar
	archive *txtar.Archive
	current string
	desired string
	outside string // run on both databases first, never part of the desired schema
	upgrade string // the golden upgrade SQL
	flags   caseFlags
}

// caseFlags are the decisions a case's "flags" section takes, one a line.
type caseFlags struct {
	renames          []retort.Rename
	noRename         bool
	allowDestructive bool
	ignoreUnmanaged  bool
	skipDowngrade    string // the reason; "" runs the downgrade
}

const (
	sectionCurrent = "current.sql"
	sectionDesired = "desired.sql"
	sectionUpgrade = "upgrade.sql"
	sectionFlags   = "flags"
	sectionOutside = "outside.sql"
)

func readCase(path string) (*corpusCase, error) {
	a, err := txtar.ParseFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	c := &corpusCase{path: path, name: strings.TrimSuffix(filepath.Base(path), ".txtar"), archive: a}
	seen := map[string]bool{}
	for _, f := range a.Files {
		if seen[f.Name] {
			return nil, fmt.Errorf("%s: section %q appears twice", path, f.Name)
		}
		seen[f.Name] = true
		text := string(f.Data)
		switch f.Name {
		case sectionCurrent:
			c.current = text
		case sectionDesired:
			c.desired = text
		case sectionUpgrade:
			c.upgrade = text
		case sectionOutside:
			c.outside = text
		case sectionFlags:
			if c.flags, err = parseFlags(text); err != nil {
				return nil, fmt.Errorf("%s: section flags: %w", path, err)
			}
		default:
			return nil, fmt.Errorf("%s: unknown section %q; want current.sql, desired.sql, outside.sql, upgrade.sql or flags", path, f.Name)
		}
	}
	if !seen[sectionDesired] {
		return nil, fmt.Errorf("%s: no desired.sql section", path)
	}
	return c, nil
}

// parseFlags reads lines such as "rename users.name=full_name",
// "no-rename", "allow-destructive", "ignore-unmanaged" and
// "skip-downgrade: REASON"; "#" starts a comment line.
func parseFlags(text string) (caseFlags, error) {
	var f caseFlags
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		switch {
		case word == "rename":
			r, err := retort.ParseRename(rest)
			if err != nil {
				return f, fmt.Errorf("line %d: %w", n, err)
			}
			f.renames = append(f.renames, r)
		case line == "no-rename":
			f.noRename = true
		case line == "allow-destructive":
			f.allowDestructive = true
		case line == "ignore-unmanaged":
			f.ignoreUnmanaged = true
		case strings.HasPrefix(line, "skip-downgrade:"):
			f.skipDowngrade = strings.TrimSpace(strings.TrimPrefix(line, "skip-downgrade:"))
			if f.skipDowngrade == "" {
				return f, fmt.Errorf("line %d: skip-downgrade needs a reason after the colon", n)
			}
		default:
			return f, fmt.Errorf("line %d: unknown flag %q", n, line)
		}
	}
	return f, nil
}

// writeUpgrade rewrites the case file with got as its upgrade.sql (-update).
func (c *corpusCase) writeUpgrade(got string) error {
	found := false
	for i := range c.archive.Files {
		if c.archive.Files[i].Name == sectionUpgrade {
			c.archive.Files[i].Data = []byte(got)
			found = true
		}
	}
	if !found {
		c.archive.Files = append(c.archive.Files, txtar.File{Name: sectionUpgrade, Data: []byte(got)})
	}
	return os.WriteFile(c.path, txtar.Format(c.archive), 0o644)
}

// knownFailures reads testdata/cases/KNOWN_FAILURES: lines
// "<dialect>/<case> <reason>", "#" comments. Each names a case that fails
// because of a retort bug; the reason is required.
func knownFailures(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" || !strings.Contains(id, "/") {
			return nil, fmt.Errorf("%s:%d: want \"<dialect>/<case> <reason>\", got %q", path, n+1, line)
		}
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", path, n+1, id)
		}
		out[id] = strings.TrimSpace(reason)
	}
	return out, nil
}

// caseFiles lists a dialect's cases in name order.
func caseFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	sort.Strings(files)
	return files, err
}
