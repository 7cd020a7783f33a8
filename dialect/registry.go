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
	mu.RLock()
	defer mu.RUnlock()
	if d, ok := bySchema[strings.ToLower(scheme)]; ok {
		return d, nil
	}
	var known []string
	for s := range bySchema {
		known = append(known, s+"://")
	}
	sort.Strings(known)
	return nil, fmt.Errorf("unsupported database URL scheme %q (known: %s)", scheme, strings.Join(known, ", "))
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
