package revfile

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/revision"
)

// FuzzParse checks that Parse never panics, that its errors name the file
// and wrap revision.ErrInvalid, and that Format(parsePG(x)) parses back the same.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("-- retort:revision m1\n-- retort:parents a b\n-- retort:depends-on c\n-- +upgrade\n-- +downgrade\n"))
	f.Add([]byte("-- retort:revision abc\r\n-- retort:created 2026-01-02T03:04:05.5+02:00\r\n-- +upgrade\r\nSELECT $$;$$;\r\n"))
	f.Add([]byte("-- retort:revision abc\n-- +upgrade\n-- +retort StatementBegin\nSELECT 1;\n-- +retort StatementEnd\n"))
	f.Add([]byte("-- retort:revision abc\n-- retort:message a\rb  c\n-- +upgrade\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := parsePG("f.sql", src)
		if err != nil {
			if !errors.Is(err, revision.ErrInvalid) || !strings.HasPrefix(err.Error(), "f.sql") {
				t.Fatalf("error %q does not name the file or wrap revision.ErrInvalid", err)
			}
			return
		}
		rb := bodyOf(t, r)
		text := Format(r, rb.UpgradeSQL, rb.DowngradeSQL)
		back, err := parsePG("f.sql", text)
		if err != nil {
			t.Fatalf("parsePG(Format(r)) failed: %v\n%s", err, text)
		}
		bb := bodyOf(t, back)
		if back.ID != r.ID || !reflect.DeepEqual(back.Parents, r.Parents) || !reflect.DeepEqual(back.DependsOn, r.DependsOn) ||
			back.Message != r.Message || !back.Created.Equal(r.Created) ||
			bb.UpgradeSQL != rb.UpgradeSQL || bb.DowngradeSQL != rb.DowngradeSQL || back.Checksum != r.Checksum {
			t.Fatalf("round trip differs:\n%+v\n%+v\n%s", r, back, text)
		}
		if len(bb.Upgrade) != len(rb.Upgrade) || len(bb.Downgrade) != len(rb.Downgrade) {
			t.Fatalf("statement counts differ: %+v vs %+v", rb, bb)
		}
		for i := range rb.Upgrade {
			if bb.Upgrade[i].SQL != rb.Upgrade[i].SQL {
				t.Fatalf("upgrade statement %d: %q vs %q", i, rb.Upgrade[i].SQL, bb.Upgrade[i].SQL)
			}
		}
	})
}
