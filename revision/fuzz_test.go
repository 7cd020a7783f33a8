package revision

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that its errors name the file
// and wrap ErrInvalid, and that Format(Parse(x)) parses back the same.
func FuzzParse(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("-- retort:revision m1\n-- retort:parents a b\n-- retort:depends-on c\n-- +upgrade\n-- +downgrade\n"))
	f.Add([]byte("-- retort:revision abc\r\n-- retort:created 2026-01-02T03:04:05.5+02:00\r\n-- +upgrade\r\nSELECT $$;$$;\r\n"))
	f.Add([]byte("-- retort:revision abc\n-- +upgrade\n-- +retort StatementBegin\nSELECT 1;\n-- +retort StatementEnd\n"))
	f.Add([]byte("-- retort:revision abc\n-- retort:message a\rb  c\n-- +upgrade\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Parse("f.sql", src)
		if err != nil {
			if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "f.sql") {
				t.Fatalf("error %q does not name the file or wrap ErrInvalid", err)
			}
			return
		}
		text := Format(r, r.UpgradeSQL, r.DowngradeSQL)
		back, err := Parse("f.sql", text)
		if err != nil {
			t.Fatalf("Parse(Format(r)) failed: %v\n%s", err, text)
		}
		if back.ID != r.ID || !reflect.DeepEqual(back.Parents, r.Parents) || !reflect.DeepEqual(back.DependsOn, r.DependsOn) ||
			back.Message != r.Message || !back.Created.Equal(r.Created) ||
			back.UpgradeSQL != r.UpgradeSQL || back.DowngradeSQL != r.DowngradeSQL || back.Checksum != r.Checksum {
			t.Fatalf("round trip differs:\n%+v\n%+v\n%s", r, back, text)
		}
		if len(back.Upgrade) != len(r.Upgrade) || len(back.Downgrade) != len(r.Downgrade) {
			t.Fatalf("statement counts differ: %+v vs %+v", r, back)
		}
		for i := range r.Upgrade {
			if back.Upgrade[i].SQL != r.Upgrade[i].SQL {
				t.Fatalf("upgrade statement %d: %q vs %q", i, r.Upgrade[i].SQL, back.Upgrade[i].SQL)
			}
		}
	})
}
