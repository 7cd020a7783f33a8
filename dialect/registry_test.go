package dialect

import (
	"strings"
	"testing"
)

// named is a dialect that only has a name and schemes; the registry
// calls nothing else.
type named struct {
	Dialect
	name    string
	schemes []string
}

func (n named) Name() string      { return n.name }
func (n named) Schemes() []string { return n.schemes }

// registered registers d and removes it again when the test ends.
func registered(t *testing.T, d named) {
	t.Helper()
	Register(d)
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		delete(byName, d.name)
		for _, s := range d.schemes {
			delete(bySchema, s)
		}
	})
}

func TestRegisterTwicePanics(t *testing.T) {
	registered(t, named{name: "regtest", schemes: []string{"regtest", "regtest+tcp"}})
	tests := []struct {
		name string
		d    named
		want string
	}{
		{"same name", named{name: "regtest", schemes: []string{"other"}}, `dialect name "regtest" registered twice`},
		{"same scheme", named{name: "regtest2", schemes: []string{"fresh", "regtest+tcp"}},
			`URL scheme "regtest+tcp" of dialect "regtest2" is already registered by dialect "regtest"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				msg, _ := recover().(string)
				if !strings.Contains(msg, tt.want) {
					t.Fatalf("panic %q, want it to contain %q", msg, tt.want)
				}
				// A refused registration leaves nothing behind.
				if _, err := ForScheme("fresh"); err == nil {
					t.Error("scheme fresh:// was registered by the refused dialect")
				}
				if _, err := ByName("regtest2"); err == nil {
					t.Error("dialect regtest2 was registered although Register panicked")
				}
			}()
			Register(tt.d)
		})
	}
	if d, err := ForScheme("regtest"); err != nil || d.Name() != "regtest" {
		t.Errorf("first registration lost: %v %v", d, err)
	}
}
