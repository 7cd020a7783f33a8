package dialect

import "github.com/retortdb/retort/diff"

// DiffOptions are the comparison options the capabilities call for:
// every caller that diffs for a dialect takes them from here, so none
// forgets one. Naming, renames and decisions are the caller's to add.
func (c Capabilities) DiffOptions() diff.Options {
	return diff.Options{FKNeedsIndex: c.ImplicitFKIndex, PKNames: c.NamedPrimaryKey,
		TableOptions: c.TableOptions, RecreateTableOn: c.RecreateTableOn}
}
