package op

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/schema"
)

func TestSetTableOptions(t *testing.T) {
	base := func() *schema.Schema {
		return &schema.Schema{Tables: []*schema.Table{{Name: "t", Options: map[string]string{"engine": "InnoDB", "keep": "x"}}}}
	}
	o := SetTableOptions{Table: Ref{Name: "t"}, From: map[string]string{"engine": "InnoDB"}, To: map[string]string{"row_format": "COMPACT"}}
	s := base()
	if err := ApplyStrict(s, o); err != nil {
		t.Fatal(err)
	}
	if got := s.Tables[0].Options; got["engine"] != "" || got["row_format"] != "COMPACT" || got["keep"] != "x" {
		t.Errorf("applied: %v", got)
	}
	if err := ApplyStrict(s, o.Reverse()); err != nil {
		t.Fatal(err)
	}
	if got := s.Tables[0].Options; got["engine"] != "InnoDB" || got["row_format"] != "" || got["keep"] != "x" {
		t.Errorf("reversed: %v", got)
	}
	wrong := SetTableOptions{Table: Ref{Name: "t"}, From: map[string]string{"engine": "Aria"}, To: map[string]string{}}
	if err := ApplyStrict(base(), wrong); err == nil || !strings.Contains(err.Error(), `option engine of t is "InnoDB", not "Aria"`) {
		t.Errorf("strict apply of a wrong From: %v", err)
	}
	if got, want := o.Describe(), "engine: InnoDB => (none); row_format: (none) => COMPACT"; got != want {
		t.Errorf("Describe() = %q, want %q", got, want)
	}
}
