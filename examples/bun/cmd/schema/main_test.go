package main

import (
	"os/exec"
	"strings"
	"testing"
)

// The program prints the notes foreign key for every dialect, and fails
// with the loader's message for an unknown one.
func TestSchemaProgram(t *testing.T) {
	for _, dialect := range []string{"sqlite", "postgres", "mysql"} {
		out, err := exec.Command("go", "run", ".", dialect).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", dialect, err, out)
		}
		for _, want := range []string{"CREATE TABLE", "FOREIGN KEY", "author_id", "REFERENCES"} {
			if !strings.Contains(string(out), want) {
				t.Errorf("%s: no %q in:\n%s", dialect, want, out)
			}
		}
	}
	out, err := exec.Command("go", "run", ".", "oracle").CombinedOutput()
	if err == nil || !strings.Contains(string(out), `unknown dialect "oracle"`) {
		t.Errorf("an unknown dialect: err %v, output:\n%s", err, out)
	}
}
