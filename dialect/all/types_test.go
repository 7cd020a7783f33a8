package all

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/golden"
	"github.com/retortdb/retort/op"
)

// TestMapTypeSpellings pins how every shipped dialect spells each
// portable type, bad sizes included, so a change of spelling shows in
// testdata/types.golden.
func TestMapTypeSpellings(t *testing.T) {
	types := []op.Type{
		op.Integer, op.BigInt, op.SmallInt, op.Text, op.String(100), op.String(0),
		op.Bool, op.Timestamp, op.Date, op.Float, op.Decimal(10, 2), op.Decimal(2, 3),
		op.Blob, op.JSON, op.UUID, op.Raw("citext"), op.Raw(" "), {Kind: "bogus"},
	}
	var b strings.Builder
	for _, name := range []string{"mysql", "postgres", "sqlite"} {
		d, err := dialect.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		spell := dialect.TypeFunc(d)
		for _, typ := range types {
			s, err := spell(typ)
			fmt.Fprintf(&b, "%s %s: %q %v\n", name, typ, s, err)
		}
	}
	golden.Check(t, "testdata/types.golden", b.String())
}
