package retort

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// How many files of each kind the cache directory keeps.
const (
	desiredCacheKeep = 32
	exeHashKeep      = 8
)

// cachedDesired loads the desired schema through the cache in
// Options.CacheDir. Loading means executing every schema statement in a
// scratch database, which on a server takes seconds for hundreds of
// tables and on SQLite grows with the square of the table count; the
// result depends only on the inputs hashed into the key (see desiredKey).
// An entry is used only when it is intact and made from exactly those
// inputs; anything else is a miss that loads and rewrites it. Any failure
// to use the cache falls back to loading.
func (m *Migrator) cachedDesired(ctx context.Context, files []dialect.SourceFile, devURL string) (*schema.Schema, error) {
	key, err := m.desiredKey(ctx, files, devURL)
	if err != nil {
		return m.d.LoadDesired(ctx, m.url, devURL, files)
	}
	path := filepath.Join(m.opts.CacheDir, "desired-"+hex.EncodeToString(key[:]))
	if data, err := os.ReadFile(path); err == nil {
		s, err := decodeEntry(data, key)
		if err == nil {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // keeps recently used entries
			return s, nil
		}
		if m.opts.Log != nil {
			fmt.Fprintf(m.opts.Log, "ignoring desired-schema cache entry %s: %v\n", path, err)
		}
	}
	s, err := m.d.LoadDesired(ctx, m.url, devURL, files)
	if err != nil {
		return nil, err
	}
	if data, err := encodeEntry(key, s); err == nil && os.MkdirAll(m.opts.CacheDir, 0o700) == nil {
		if writeFileAtomic(path, data) == nil {
			pruneCache(m.opts.CacheDir, "desired-*", desiredCacheKeep)
		}
	}
	return s, nil
}

// desiredKey hashes everything a loaded desired schema depends on: the
// running code, the dialect, the version of the database software that
// loads it and the server settings the load takes from the target
// (dialect.LoadKey: PostgreSQL's search_path), the URLs of the server it
// is loaded on (a server dialect's scratch database lives next to the
// target) and every file's name and text.
func (m *Migrator) desiredKey(ctx context.Context, files []dialect.SourceFile, devURL string) ([sha256.Size]byte, error) {
	build, err := buildIdentity(m.opts.CacheDir)
	if err == nil && m.db == nil {
		err = ErrNoDatabase // no server version to key on
	}
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	version, err := m.serverLoadKey(ctx)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	target := ""
	if m.url != nil && !m.d.Capabilities().EmbeddedScratch {
		target = dialect.RedactURL(m.url)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s%d:%s\x00%s\x00%s\x00%s\x00%s\x00", entryMagic, len(build), build, m.d.Name(), version, target, dialect.Redact(devURL))
	for _, f := range files {
		fmt.Fprintf(h, "%d:%s\x00%d:%s\x00", len(f.Name), f.Name, len(f.SQL), f.SQL)
	}
	return [sha256.Size]byte(h.Sum(nil)), nil
}

// writeFileAtomic writes data to path through a temporary file, so a
// reader never sees half an entry and concurrent writers do not mix.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if werr == nil && cerr == nil {
		if werr = os.Rename(f.Name(), path); werr == nil {
			return nil
		}
	}
	os.Remove(f.Name())
	if werr != nil {
		return werr
	}
	return cerr
}

// pruneCache keeps the keep most recently used files matching pattern.
func pruneCache(dir, pattern string, keep int) {
	matches, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(matches) <= keep {
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
	for _, e := range entries[min(keep, len(entries)):] {
		_ = os.Remove(e.path)
	}
}

// loadKeyCtx carries a load key liveAndDesired read up front.
type loadKeyCtx struct{}

// serverLoadKey is the database software's version and the settings the
// load depends on (dialect.LoadKey), as read up front by liveAndDesired
// or else now.
func (m *Migrator) serverLoadKey(ctx context.Context) (string, error) {
	if v, ok := ctx.Value(loadKeyCtx{}).(string); ok {
		return v, nil
	}
	return dialect.LoadKey(ctx, m.d, m.db)
}
