package cli

import (
	"strings"
	"testing"
)

// fakeFile is a writer with a file descriptor, like *os.File.
type fakeFile struct {
	strings.Builder
	fd uintptr
}

func (f *fakeFile) Fd() uintptr { return f.fd }

// terminals pretends the given descriptors are terminals.
func terminals(fds ...uintptr) func(uintptr) bool {
	return func(fd uintptr) bool {
		for _, t := range fds {
			if fd == t {
				return true
			}
		}
		return false
	}
}

func TestColorOn(t *testing.T) {
	env := func(noColor string) func(string) string {
		return func(k string) string {
			if k == "NO_COLOR" {
				return noColor
			}
			return ""
		}
	}
	tests := []struct {
		name    string
		fd      uintptr
		noColor string
		want    bool
	}{
		{"terminal", 1, "", true},
		{"redirected", 7, "", false},
		{"terminal under NO_COLOR=1", 1, "1", false},
		{"terminal under NO_COLOR=0 (any value counts)", 1, "0", false},
		{"redirected under NO_COLOR", 7, "1", false},
	}
	for _, tt := range tests {
		if got := colorOn(&fakeFile{fd: tt.fd}, env(tt.noColor), terminals(1, 2)); got != tt.want {
			t.Errorf("%s: colorOn = %v, want %v", tt.name, got, tt.want)
		}
	}
	if colorOn(&strings.Builder{}, env(""), func(uintptr) bool { return true }) {
		t.Error("a writer without a file descriptor got colour")
	}
}

// TestPrinterColorPerStream: each stream's colour follows that stream
// alone, in both directions.
func TestPrinterColorPerStream(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	defer func(orig func(uintptr) bool) { isTerminal = orig }(isTerminal)
	tests := []struct {
		name             string
		terms            []uintptr
		wantOut, wantErr bool
	}{
		{"stdout terminal, stderr redirected", []uintptr{1}, true, false},
		{"stdout redirected, stderr terminal", []uintptr{2}, false, true},
		{"both terminals", []uintptr{1, 2}, true, true},
		{"both redirected", nil, false, false},
	}
	for _, tt := range tests {
		isTerminal = terminals(tt.terms...)
		out, errw := &fakeFile{fd: 1}, &fakeFile{fd: 2}
		p := newPrinter(out, errw, false, false)
		p.result("%s", p.paint(green, "(head)"))
		p.info("%s", p.paintErr(red, "unfinished"))
		if got := strings.Contains(out.String(), "\x1b["); got != tt.wantOut {
			t.Errorf("%s: stdout %q has colour %v, want %v", tt.name, out.String(), got, tt.wantOut)
		}
		if got := strings.Contains(errw.String(), "\x1b["); got != tt.wantErr {
			t.Errorf("%s: stderr %q has colour %v, want %v", tt.name, errw.String(), got, tt.wantErr)
		}
	}
}
