package retort

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
)

// buildIDs memoizes the build identity per cache directory for the
// process: the running executable does not change under it.
var buildIDs sync.Map

// buildIdentity identifies the running code, so a changed reflector or
// loader never reads a schema an older build cached.
func buildIdentity(cacheDir string) (string, error) {
	if id, ok := buildIDs.Load(cacheDir); ok {
		return id.(string), nil
	}
	id, err := computeBuildIdentity(cacheDir)
	if err != nil {
		return "", err
	}
	buildIDs.Store(cacheDir, id)
	return id, nil
}

// computeBuildIdentity is the build information when it names the sources
// exactly, else a hash of the executable's bytes.
func computeBuildIdentity(cacheDir string) (string, error) {
	if bi, ok := debug.ReadBuildInfo(); ok {
		if id, ok := vcsBuildIdentity(bi); ok {
			return id, nil
		}
	}
	sum, err := cachedExecutableHash(cacheDir)
	if err != nil {
		return "", err
	}
	return "executable sha256 " + sum, nil
}

// vcsBuildIdentity returns the build information (main module version,
// VCS revision, Go version, dependencies, flags) when it pins every
// source file: a clean VCS checkout, or a released module version. A
// modified checkout, a "(devel)" build without VCS stamps, or a
// dependency replaced by a local directory does not, since their files can
// change while the build information stays the same.
func vcsBuildIdentity(bi *debug.BuildInfo) (string, bool) {
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	version := bi.Main.Version
	clean := revision != "" && modified == "false"
	released := version != "" && version != "(devel)" && !strings.HasSuffix(version, "+dirty") && revision == "" && modified == ""
	if !clean && !released {
		return "", false
	}
	for _, dep := range bi.Deps {
		if dep.Replace != nil && dep.Replace.Version == "" {
			return "", false
		}
	}
	return "build\n" + bi.String(), true
}

// cachedExecutableHash is the SHA-256 of the running executable, kept in
// cacheDir under the executable's path, size and modification time: hashing
// a 24 MB binary on every run costs more than the rest of a cache hit.
func cachedExecutableHash(cacheDir string) (string, error) {
	path, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("locating the running executable failed: %w", err)
	}
	st, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("reading the running executable %s failed: %w", path, err)
	}
	stamp := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d\x00%d", path, st.Size(), st.ModTime().UnixNano()))
	memo := filepath.Join(cacheDir, "exe-"+hex.EncodeToString(stamp[:16]))
	if data, err := os.ReadFile(memo); err == nil && isSHA256Hex(data) {
		return string(data), nil
	}
	sum, err := hashFile(path)
	if err != nil {
		return "", err
	}
	if os.MkdirAll(cacheDir, 0o700) == nil && writeFileAtomic(memo, []byte(sum)) == nil {
		pruneCache(cacheDir, "exe-*", exeHashKeep)
	}
	return sum, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading the running executable %s failed: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("reading the running executable %s failed: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func isSHA256Hex(b []byte) bool {
	if len(b) != 2*sha256.Size {
		return false
	}
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
