package dialect

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"time"
)

// ScratchPrefix begins the name of every scratch database retort creates
// on a server to load a desired schema.
const ScratchPrefix = "retort_dev_"

// ScratchStaleAfter is the age past which a scratch database is taken for
// the leftover of a killed load and removed (when nobody is connected to
// it) at the start of the next load. It is far longer than any load.
var ScratchStaleAfter = time.Hour

// ScratchName names a scratch database created at now:
// retort_dev_<unix seconds>_<pid>_<random hex>, so a later load can tell
// its age. It is at most 41 bytes, within PostgreSQL's 63 and MySQL's 64.
func ScratchName(now time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return ScratchPrefix + strconv.FormatInt(now.Unix(), 10) + "_" + strconv.Itoa(os.Getpid()) + "_" + hex.EncodeToString(b[:])
}

// ScratchTime reads the creation time back from a ScratchName name; ok is
// false for any other name, older retort versions' included, so those are
// never removed.
func ScratchTime(name string) (t time.Time, ok bool) {
	rest, found := strings.CutPrefix(name, ScratchPrefix)
	parts := strings.Split(rest, "_")
	if !found || len(parts) != 3 || !scratchDigits(parts[0]) || !scratchDigits(parts[1]) || parts[2] == "" {
		return time.Time{}, false
	}
	if _, err := hex.DecodeString(parts[2]); err != nil {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(sec, 0), true
}

// ScratchStale reports whether name is a scratch database created more
// than ScratchStaleAfter before now.
func ScratchStale(name string, now time.Time) bool {
	t, ok := ScratchTime(name)
	return ok && now.Sub(t) > ScratchStaleAfter
}

func scratchDigits(s string) bool {
	if s == "" || len(s) > 19 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
