package dialect

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
)

var (
	mu       sync.RWMutex
	bySchema = map[string]Dialect{}
	byName   = map[string]Dialect{}
)

// Register makes a dialect available by name and URL scheme; dialect
// packages call it from init. A name or scheme registered twice panics:
// two packages claiming it would otherwise win by import order.
func Register(d Dialect) {
	mu.Lock()
	defer mu.Unlock()
	if old, ok := byName[d.Name()]; ok {
		panic(fmt.Sprintf("dialect.Register: dialect name %q registered twice (%T and %T)", d.Name(), old, d))
	}
	for _, s := range d.Schemes() {
		if old, ok := bySchema[s]; ok {
			panic(fmt.Sprintf("dialect.Register: URL scheme %q of dialect %q is already registered by dialect %q", s, d.Name(), old.Name()))
		}
	}
	byName[d.Name()] = d
	for _, s := range d.Schemes() {
		bySchema[s] = d
	}
}

// ForScheme returns the dialect for a URL scheme.
func ForScheme(scheme string) (Dialect, error) {
	if d, ok := lookup(scheme); ok {
		return d, nil
	}
	mu.RLock()
	defer mu.RUnlock()
	if name, pkg, ok := shippedNamed(scheme); ok && byName[name] == nil {
		return nil, fmt.Errorf("database URL scheme %q needs the %s dialect, whose package is not imported: add import _ %q", scheme, name, pkg)
	}
	var known []string
	for s := range bySchema {
		known = append(known, s+"://")
	}
	sort.Strings(known)
	return nil, fmt.Errorf("unsupported database URL scheme %q (known: %s)", scheme, strings.Join(known, ", "))
}

// lookup finds the dialect for a URL scheme, any case.
func lookup(scheme string) (Dialect, bool) {
	mu.RLock()
	defer mu.RUnlock()
	d, ok := bySchema[strings.ToLower(scheme)]
	return d, ok
}

// schemeHint lists each registered dialect's canonical scheme for an
// error about a URL without one: "mysql://, postgres:// or sqlite://".
func schemeHint() string {
	mu.RLock()
	defer mu.RUnlock()
	var names []string
	for name := range byName {
		names = append(names, name)
	}
	sort.Strings(names)
	var schemes []string
	for _, name := range names {
		if s := byName[name].Schemes(); len(s) > 0 {
			schemes = append(schemes, s[0]+"://")
		}
	}
	switch len(schemes) {
	case 0:
		return "a registered dialect's scheme (no dialect package is imported)"
	case 1:
		return schemes[0]
	}
	return strings.Join(schemes[:len(schemes)-1], ", ") + " or " + schemes[len(schemes)-1]
}

// ByName returns the dialect with the given name.
func ByName(name string) (Dialect, error) {
	mu.RLock()
	defer mu.RUnlock()
	if d, ok := byName[name]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("unknown dialect %q", name)
}

// shipped are the dialects retort ships, with the other names they answer
// to and the package that registers each, so that a name whose package
// was not imported can say which import is missing.
var shipped = []struct {
	name    string
	aliases []string
	pkg     string
}{
	{"postgres", []string{"postgresql", "pg"}, "github.com/retortdb/retort/dialect/postgres"},
	{"mysql", []string{"mariadb"}, "github.com/retortdb/retort/dialect/mysql"},
	{"sqlite", []string{"sqlite3"}, "github.com/retortdb/retort/dialect/sqlite"},
}

// shippedNamed returns the shipped dialect that name names, and its
// package.
func shippedNamed(name string) (canonical, pkg string, ok bool) {
	name = strings.ToLower(name)
	for _, s := range shipped {
		if name == s.name || slices.Contains(s.aliases, name) {
			return s.name, s.pkg, true
		}
	}
	return "", "", false
}

// Lookup returns the dialect a name, an alias (postgresql, pg, mariadb,
// sqlite3) or a URL scheme names. For a dialect retort ships whose
// package was not imported, the error names the import.
func Lookup(name string) (Dialect, error) {
	key := name
	canonical, pkg, isShipped := shippedNamed(name)
	if isShipped {
		key = canonical
	}
	if d, err := ByName(key); err == nil {
		return d, nil
	}
	mu.RLock()
	d, ok := bySchema[strings.ToLower(key)]
	mu.RUnlock()
	switch {
	case ok:
		return d, nil
	case isShipped:
		return nil, fmt.Errorf("dialect %q is not registered: its package is not imported; add import _ %q", name, pkg)
	}
	return nil, fmt.Errorf("unknown dialect %q (retort ships sqlite, postgres and mysql)", name)
}
