//go:build unix

package sqlite

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// openLockFile opens or creates the lock file. The temporary directory is
// shared, so it never follows a symlink and reports the file writable
// (for the holder's pid) only when it is a plain file of this user with
// one link; flock itself needs only read access, so another user's lock
// file still works.
func openLockFile(path string) (*os.File, bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW, 0o644)
	if errors.Is(err, fs.ErrPermission) {
		f, err = os.OpenFile(path, os.O_RDONLY|unix.O_NOFOLLOW, 0)
		if err != nil {
			return nil, false, err
		}
		return f, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		f.Close()
		return nil, false, err
	}
	own := st.Mode&unix.S_IFMT == unix.S_IFREG && int(st.Uid) == os.Getuid() && st.Nlink == 1
	return f, own, nil
}

// tryLock takes an exclusive flock without waiting: false when another
// open file holds it.
func tryLock(f *os.File) (bool, error) {
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, unix.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, unix.EINTR):
			continue
		}
		return false, err
	}
}
