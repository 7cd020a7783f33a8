package sqlsplit

import "testing"

// RefuseCopyFromStdin lexes like the splitter: a COPY whose FROM STDIN is
// only quoted or commented is not one, and without psql's rules
// (NoPsql, as on MySQL) nothing is refused.
func TestRefuseCopyFromStdin(t *testing.T) {
	cases := []struct {
		stmt    string
		noPsql  bool
		refused bool
	}{
		{"COPY t FROM STDIN", false, true},
		{"copy t (a, b) from stdin with (format csv)", false, true},
		{"COPY t FROM '/tmp/rows'", false, false},
		{"COPY t TO STDOUT", false, false},
		{"INSERT INTO t VALUES ('COPY t FROM STDIN')", false, false},
		{"COPY t /* FROM STDIN */ FROM '/tmp/rows'", false, false},
		{"COPY t FROM STDIN", true, false},
		{"\n  -- rows follow\n  COPY t FROM STDIN", false, true},
	}
	for _, c := range cases {
		err := RefuseCopyFromStdin(c.stmt, Options{NoPsql: c.noPsql})
		if (err != nil) != c.refused {
			t.Errorf("RefuseCopyFromStdin(%q, NoPsql %v) = %v; want refused %v", c.stmt, c.noPsql, err, c.refused)
		}
		if err != nil && err.Error() != copyFromStdinMsg {
			t.Errorf("error %q; want the splitter's words", err)
		}
	}
}
