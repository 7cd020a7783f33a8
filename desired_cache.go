package retort

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// desiredCacheKeep is how many loaded desired schemas the cache keeps.
const desiredCacheKeep = 32

// cachedDesired loads the desired schema through the cache in
// Options.CacheDir. Loading means executing every schema statement in a
// scratch database, which on a server takes seconds for hundreds of
// tables; the result depends only on the inputs hashed into the key: this
// very executable, the dialect, the server's version, the target and dev
// URLs and every file's name and text. Any failure to use the cache falls
// back to loading.
func (m *Migrator) cachedDesired(ctx context.Context, files []dialect.SourceFile, devURL string) (*schema.Schema, error) {
	key, err := m.desiredKey(ctx, files, devURL)
	if err != nil {
		return m.d.LoadDesired(ctx, m.url, devURL, files)
	}
	path := filepath.Join(m.opts.CacheDir, "desired-"+key+".json")
	if data, err := os.ReadFile(path); err == nil {
		var s schema.Schema
		if json.Unmarshal(data, &s) == nil {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // keeps recently used entries
			return &s, nil
		}
	}
	s, err := m.d.LoadDesired(ctx, m.url, devURL, files)
	if err != nil {
		return nil, err
	}
	if data, err := json.Marshal(s); err == nil && os.MkdirAll(m.opts.CacheDir, 0o700) == nil {
		tmp := path + ".tmp"
		if os.WriteFile(tmp, data, 0o600) == nil && os.Rename(tmp, path) == nil {
			pruneDesiredCache(m.opts.CacheDir)
		}
	}
	return s, nil
}

func (m *Migrator) desiredKey(ctx context.Context, files []dialect.SourceFile, devURL string) (string, error) {
	if m.db == nil {
		return "", ErrNoDatabase // no server version to key on
	}
	exe, err := executableHash()
	if err != nil {
		return "", err
	}
	var version string
	if err := m.db.QueryRowContext(ctx, "SELECT version()").Scan(&version); err != nil {
		return "", err
	}
	h := sha256.New()
	target := ""
	if m.url != nil {
		target = dialect.RedactURL(m.url)
	}
	fmt.Fprintf(h, "retort desired v1\x00%s\x00%s\x00%s\x00%s\x00%s\x00", exe, m.d.Name(), version, target, dialect.Redact(devURL))
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s\x00%d:%s\x00", len(f.Name), f.Name, len(f.SQL), f.SQL)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

var exeHash = sync.OnceValues(func() (string, error) {
	path, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// executableHash identifies the running code, so a changed reflector or
// loader never reads a schema an older build cached.
func executableHash() (string, error) { return exeHash() }

// pruneDesiredCache keeps the most recently used entries.
func pruneDesiredCache(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "desired-*.json"))
	if len(matches) <= desiredCacheKeep {
		return
	}
	type entry struct {
		path string
		mod  int64
	}
	var entries []entry
	for _, p := range matches {
		if st, err := os.Stat(p); err == nil {
			entries = append(entries, entry{p, st.ModTime().UnixNano()})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].mod > entries[j].mod })
	for _, e := range entries[min(desiredCacheKeep, len(entries)):] {
		_ = os.Remove(e.path)
	}
}
