// Package userfile reads the files a user points retort at (revision
// scripts, desired-schema files, retort.toml): only regular files, and at
// most a size limit, so a named pipe, a device or a huge file fails with
// a clear error instead of hanging retort or filling its memory.
package userfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// DefaultMax is the size limit when none is configured: far above any
// hand-written or generated migration, far below what hurts.
const DefaultMax int64 = 16 << 20

// Errors wrapped by the read functions' refusals.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file over the size limit")
)

// Limit caps the size of a file read.
type Limit struct {
	Max int64 // bytes; 0 or less means DefaultMax
	// Setting says where the user raises the limit ("max_file_size in
	// retort.toml"); the error about a file over it names it.
	Setting string
}

func (l Limit) max() int64 {
	if l.Max <= 0 {
		return DefaultMax
	}
	return l.Max
}

// ReadFS reads name from fsys. desc names the file in errors ("revision
// file migrations/x.sql"). The file is stat'ed before it is opened, so a
// named pipe is never opened (that blocks until a writer appears), and it
// is read through a limit, so a file that grew or changed since cannot
// exceed it.
func ReadFS(fsys fs.FS, name, desc string, lim Limit) ([]byte, error) {
	info, err := fs.Stat(fsys, name) // follows symbolic links (os.DirFS)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	if err := check(info, desc, lim); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	defer f.Close()
	return read(f, desc, lim)
}

// ReadFile is ReadFS for a path in the operating system's file system. On
// Unix the file is opened non-blocking as well, so not even a file
// replaced by a named pipe between stat and open can block.
func ReadFile(path, desc string, lim Limit) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	if err := check(info, desc, lim); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	defer f.Close()
	return read(f, desc, lim)
}

// read checks the opened file again and reads at most the limit.
func read(f fs.File, desc string, lim Limit) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	if err := check(info, desc, lim); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.Grow(int(info.Size()) + 1)
	if _, err := b.ReadFrom(io.LimitReader(f, lim.max()+1)); err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", desc, err)
	}
	if int64(b.Len()) > lim.max() {
		return nil, tooLarge(desc, -1, lim)
	}
	return b.Bytes(), nil
}

func check(info fs.FileInfo, desc string, lim Limit) error {
	if !info.Mode().IsRegular() {
		return &refusal{fmt.Sprintf("%s is not a regular file (%s)", desc, kind(info.Mode())), ErrNotRegular}
	}
	if info.Size() > lim.max() {
		return tooLarge(desc, info.Size(), lim)
	}
	return nil
}

// tooLarge says desc is over the limit; size is -1 when unknown (the
// file grew while it was read).
func tooLarge(desc string, size int64, lim Limit) error {
	is := "grew"
	if size >= 0 {
		is = "is " + FormatSize(size)
		if strings.Contains(is, ".0 ") { // "16.0 MiB" over "16 MiB" would puzzle
			is = fmt.Sprintf("is %d bytes", size)
		}
	}
	msg := fmt.Sprintf("%s %s, over the %s limit", desc, is, FormatSize(lim.max()))
	if lim.Setting != "" {
		msg += " (" + lim.Setting + ")"
	}
	return &refusal{msg, ErrTooLarge}
}

// kind names a file type that is not a regular file.
func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "file mode " + m.String()
}

type refusal struct {
	msg string
	is  error
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.is }
