package revision

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"

	"github.com/retortdb/retort/op"
)

// GoFunc is one direction of a Go revision: it adds operations to b. The
// runner renders and runs them afterwards, in the revision's transaction.
type GoFunc func(ctx context.Context, b *op.Builder) error

// NewGo makes a revision written in Go. up is required; a nil down makes
// the revision irreversible (downgrading through it fails). Its checksum
// covers the id and the message, since code has no file text; File is
// where up is defined, for messages.
func NewGo(id string, parents, dependsOn []string, message string, up, down GoFunc) (*Revision, error) {
	where := "Go revision " + id
	if up != nil {
		where = funcLocation(up) + " (Go revision)"
	}
	if !validID(id) {
		return nil, &Error{File: where, Msg: fmt.Sprintf("invalid revision id %q: use letters, digits and _", id)}
	}
	if up == nil {
		return nil, &Error{File: where, Msg: "Go revision " + id + " has no Up function"}
	}
	return &Revision{
		ID: id, Parents: append([]string(nil), parents...), DependsOn: append([]string(nil), dependsOn...),
		Message: message, File: where, Checksum: checksum("go:"+id, message),
		UpgradeGo: up, DowngradeGo: down,
	}, nil
}

// IsGo reports whether the revision is written in Go.
func (r *Revision) IsGo() bool { return r.UpgradeGo != nil }

// funcLocation is "file.go:line" of fn's definition.
func funcLocation(fn any) string {
	f := runtime.FuncForPC(reflect.ValueOf(fn).Pointer())
	if f == nil {
		return "?"
	}
	file, line := f.FileLine(f.Entry())
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}
