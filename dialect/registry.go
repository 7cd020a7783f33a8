package dialect

import (
	"fmt"
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
// packages call it from init.
func Register(d Dialect) {
	mu.Lock()
	defer mu.Unlock()
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
