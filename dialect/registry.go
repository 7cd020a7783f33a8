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
