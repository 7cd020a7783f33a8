package sqlite

import (
	"net/url"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/dialect/dialecttest"
)

func TestConformance(t *testing.T) {
	dialecttest.Run(t, dialecttest.Target{
		Dialect: Dialect{},
		Fresh: func(t testing.TB) *url.URL {
			return &url.URL{Scheme: "sqlite", Path: filepath.Join(t.TempDir(), "test.db")}
		},
		Statements: []string{"PRAGMA foreign_keys = OFF", "PRAGMA foreign_key_check", "PRAGMA foreign_keys = ON"},
	})
}
