package runner

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// realIsTerminal is isTerminal before any test replaces it.
var realIsTerminal = isTerminal

type wrappedWriter struct{ io.Writer }

func (w wrappedWriter) Unwrap() io.Writer { return w.Writer }

// TestIsTerminalUnwraps checks that a writer wrapping a terminal (the
// CLI's password-masking writer) still gets progress shown in place.
func TestIsTerminalUnwraps(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0) // a character device, as a terminal is
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if !realIsTerminal(dev) {
		t.Fatalf("%s is not a character device here", os.DevNull)
	}
	if !realIsTerminal(wrappedWriter{wrappedWriter{dev}}) {
		t.Error("a wrapped terminal is not seen as one")
	}
	if realIsTerminal(wrappedWriter{&bytes.Buffer{}}) {
		t.Error("a wrapped buffer is seen as a terminal")
	}
}
