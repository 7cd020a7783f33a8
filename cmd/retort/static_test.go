package main

import (
	"debug/elf"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// TestStaticBuild builds retort as the README tells users to, with
// CGO_ENABLED=0, and checks the result needs no dynamic loader or shared
// library: the pure-Go SQLite driver must keep that possible.
func TestStaticBuild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the ELF check applies to Linux builds")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go not found on PATH to build retort: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "retort")
	build := exec.Command(gobin, "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("CGO_ENABLED=0 go build ./cmd/retort failed: %v\n%s", err, out)
	}
	if err := staticELF(bin); err != nil {
		t.Fatal(err)
	}
}

// staticELF returns an error when the ELF file at path asks for a dynamic
// loader (PT_INTERP), has a dynamic section, or names a shared library.
func staticELF(path string) error {
	f, err := elf.Open(path)
	if err != nil {
		return fmt.Errorf("reading %s as ELF: %w", path, err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		switch p.Type {
		case elf.PT_INTERP:
			return fmt.Errorf("%s is dynamically linked: it has a PT_INTERP program header (a dynamic loader)", path)
		case elf.PT_DYNAMIC:
			return fmt.Errorf("%s is dynamically linked: it has a PT_DYNAMIC program header", path)
		}
	}
	libs, err := f.ImportedLibraries()
	if err != nil {
		return fmt.Errorf("reading the imported libraries of %s: %w", path, err)
	}
	if len(libs) > 0 {
		return fmt.Errorf("%s is dynamically linked: it needs %v", path, libs)
	}
	return nil
}
