package sqlite

import (
	"context"
	"net/url"
	"path/filepath"
	"reflect"
	"testing"
)

// Open goes through the driver the build tags chose (DriverName), with
// retort's per-connection settings applied whichever it is.
func TestOpenDriver(t *testing.T) {
	ctx := context.Background()
	db, err := Dialect{}.Open(ctx, &url.URL{Scheme: "sqlite", Path: filepath.Join(t.TempDir(), "d.db"), RawQuery: "_pragma=cache_size(-4000)"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := reflect.TypeOf(db.Driver()).Elem().PkgPath(); got != DriverName {
		t.Errorf("driver from package %s, want %s", got, DriverName)
	}
	for _, p := range []struct {
		pragma string
		want   int
	}{{"foreign_keys", 1}, {"busy_timeout", 10000}, {"cache_size", -4000}} {
		var got int
		if err := db.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != p.want {
			t.Errorf("PRAGMA %s = %d, want %d", p.pragma, got, p.want)
		}
	}
}
