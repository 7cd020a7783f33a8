package retort

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/schema"
)

// liveCacheKeep is how many reflected live schemas the cache directory
// keeps.
const liveCacheKeep = 16

// cachedReflect reflects the live database through the cache in
// Options.CacheDir, for a dialect whose reflection is a function of a key
// it can read cheaply (dialect.KeyedReflector: SQLite's sqlite_master
// text). An entry is used only when it is intact and made under exactly
// that key by this build; anything else reflects and rewrites it.
func (m *Migrator) cachedReflect(ctx context.Context, kr dialect.KeyedReflector) (*schema.Schema, error) {
	build, err := buildIdentity(m.opts.CacheDir)
	if err != nil {
		return m.d.Reflect(ctx, m.db)
	}
	var path string
	var sum [sha256.Size]byte
	lookup := func(key []byte) *schema.Schema {
		sum = liveKey(build, m.d.Name(), key)
		path = filepath.Join(m.opts.CacheDir, "live-"+hex.EncodeToString(sum[:]))
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		s, err := decodeEntry(data, sum)
		if err != nil {
			if m.opts.Log != nil {
				fmt.Fprintf(m.opts.Log, "ignoring live-schema cache entry %s: %v\n", path, err)
			}
			return nil
		}
		now := time.Now()
		_ = os.Chtimes(path, now, now) // keeps recently used entries
		return s
	}
	s, _, hit, err := kr.ReflectKeyed(ctx, m.db, lookup)
	if err != nil || hit {
		return s, err
	}
	if data, err := encodeEntry(sum, s); err == nil && os.MkdirAll(m.opts.CacheDir, 0o700) == nil {
		if writeFileAtomic(path, data) == nil {
			pruneCache(m.opts.CacheDir, "live-*", liveCacheKeep)
		}
	}
	return s, nil
}

// liveKey hashes what a reflected live schema depends on: the running
// code, the dialect and the dialect's key. Its prefix differs from
// desiredKey's, so the two kinds of entry never stand for each other.
func liveKey(build, dialectName string, key []byte) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "retort live schema\x00%d:%s\x00%s\x00", len(build), build, dialectName)
	h.Write(key)
	return [sha256.Size]byte(h.Sum(nil))
}
