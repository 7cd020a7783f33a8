package schemasource

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Models returns the DDL the ORM (gorm, ent, bun) creates for the models
// of the Go package pkg (as `go list` takes it, relative to dir) on an
// empty database of dialect. It writes a small loader program into a
// temporary directory inside the package's module, runs it with the
// user's go command (so the module's own versions of the ORM are used),
// and removes the directory again. The loader's relation comments get
// the file:line of each model field (relative to dir). Every failure names spec and shows
// what the go command printed; it all runs within timeout.
func Models(ctx context.Context, spec, ormName, pkg, dir, dialect string, timeout time.Duration) (string, error) {
	o, ok := orms[ormName]
	if !ok {
		return "", failure(spec, "unknown ORM %q (retort reads gorm, ent and bun models)", ormName)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	p, err := goList(ctx, spec, dir, pkg, timeout)
	if err != nil {
		return "", err
	}
	if p.Module == nil || p.Module.Dir == "" {
		return "", failure(spec, "package %s is not in a Go module; retort runs its loader inside the module (go mod init)", p.ImportPath)
	}
	mainDir, err := mainModuleDir(ctx, spec, dir, p, timeout)
	if err != nil {
		return "", err
	}
	if p.Name == "main" {
		return "", failure(spec, "package %s is a main package, which the loader cannot import; move the %s models into a package of their own", p.ImportPath, o.title)
	}
	if err := requires(ctx, spec, mainDir, o, timeout); err != nil {
		return "", err
	}
	models, err := discover(o, p.Dir, p.GoFiles)
	if err != nil {
		return "", failure(spec, "%v", err)
	}
	if len(models) == 0 {
		return "", failure(spec, "no %s models in package %s (%s)", o.title, p.ImportPath, o.rule())
	}
	ddl, err := runLoader(ctx, spec, o, mainDir, p.ImportPath, models, dialect, timeout)
	if err != nil {
		return "", err
	}
	return withDeclarations(ddl, p.ImportPath, declarations(o, p.Dir, p.GoFiles, dir)), nil
}

// mainModuleDir is the directory of the module the loader runs in: the
// package's own, or, for a package of a dependency (whose files are
// read-only in the module cache), the module of dir.
func mainModuleDir(ctx context.Context, spec, dir string, p *listedPackage, timeout time.Duration) (string, error) {
	if p.Module.Main {
		return p.Module.Dir, nil
	}
	out, err := run(ctx, spec, dir, []string{"go", "env", "GOMOD"}, timeout)
	if err != nil {
		return "", err
	}
	gomod := strings.TrimSpace(out.stdout)
	if gomod == "" || gomod == os.DevNull {
		return "", failure(spec, "%s is not in a Go module, so the loader has no module to run in (go mod init)", dir)
	}
	return filepath.Dir(gomod), nil
}

// listedPackage is what retort reads of `go list -json`.
type listedPackage struct {
	ImportPath, Name, Dir string
	GoFiles               []string
	Module                *struct {
		Path, Dir string
		Main      bool
	}
}

func goList(ctx context.Context, spec, dir, pkg string, timeout time.Duration) (*listedPackage, error) {
	out, err := run(ctx, spec, dir, []string{"go", "list", "-find", "-json", "--", pkg}, timeout)
	if err != nil {
		return nil, err
	}
	var p listedPackage
	if err := json.Unmarshal([]byte(out.stdout), &p); err != nil {
		return nil, failure(spec, "go list printed something other than one package for %s: %v", pkg, err)
	}
	return &p, nil
}

// requires checks the module can build the loader: it must require the
// ORM's loader module.
func requires(ctx context.Context, spec, moduleDir string, o orm, timeout time.Duration) error {
	out, err := run(ctx, spec, moduleDir, []string{"go", "list", "-m", "--", o.loader}, timeout)
	var exit *exitFailure
	if errors.As(err, &exit) {
		return failure(spec, "the module in %s does not require %s, which the loader imports; run: go get %s\n(go list -m: %s)", moduleDir, o.loader, o.loader, out.stderr)
	}
	return err
}

// runLoader writes the loader into a temporary directory of the module
// (an underscore name, which ./... patterns leave out), runs it, and
// removes it, whatever happens.
func runLoader(ctx context.Context, spec string, o orm, moduleDir, importPath string, models []string, dialect string, timeout time.Duration) (string, error) {
	tmp, err := os.MkdirTemp(moduleDir, "_retort_loader_")
	if err != nil {
		return "", failure(spec, "cannot create the loader's directory in %s: %v", moduleDir, err)
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "main.go"), []byte(loaderSource(spec, o, importPath, models)), 0o644); err != nil {
		return "", failure(spec, "cannot write the loader: %v", err)
	}
	args := []string{"go", "run", "./" + filepath.Base(tmp), dialect}
	out, err := run(ctx, spec, moduleDir, args, timeout)
	var exit *exitFailure
	if errors.As(err, &exit) {
		return "", failure(spec, "building or running the %s loader for package %s failed (go run exited with an error):\n%s", o.title, importPath, out.stderr)
	}
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(out.stdout) == "" {
		return "", failure(spec, "the %s loader printed no DDL for package %s%s", o.title, importPath, stderrIfAny(out.stderr))
	}
	return out.stdout, nil
}

// loaderSource is the loader program: it passes every model to the
// loader module's Load and prints the DDL.
func loaderSource(spec string, o orm, importPath string, models []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by retort for %s; removed after the run. DO NOT EDIT.\n\n", spec)
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n")
	fmt.Fprintf(&b, "\tloader %q\n\tmodels %q\n)\n\n", o.loader, importPath)
	b.WriteString("func main() {\n\tddl, err := loader.Load(os.Args[1],\n")
	for _, m := range models {
		fmt.Fprintf(&b, "\t\t"+o.value+",\n", "models."+m)
	}
	b.WriteString("\t)\n\tif err != nil {\n\t\tfmt.Fprintln(os.Stderr, err)\n\t\tos.Exit(1)\n\t}\n\tfmt.Print(ddl)\n}\n")
	return b.String()
}
