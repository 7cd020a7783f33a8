package retort_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
)

// TestLogger: Options.Logger gets the runner's events as records — lock
// waits, revision start and end with status and duration, statements,
// notes — and Options.Log stays silent when unset.
func TestLogger(t *testing.T) {
	ctx := context.Background()
	revs := fstest.MapFS{
		"b1_users.sql": {Data: []byte("-- retort:revision b1\n-- retort:message users\n\n-- +upgrade\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE users;\n")},
		"b2_notes.sql": {Data: []byte("-- retort:revision b2\n-- retort:parents b1\n-- retort:message notes\n\n-- +upgrade\n" +
			"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\nCREATE INDEX notes_body_idx ON notes (body);\n\n-- +downgrade\nDROP TABLE notes;\n")},
		"b3_bad.sql": {Data: []byte("-- retort:revision b3\n-- retort:parents b2\n-- retort:message bad\n\n-- +upgrade\nINSERT INTO nosuch VALUES (1);\n\n-- +downgrade\n")},
	}
	url := "sqlite://" + filepath.Join(t.TempDir(), "app.db")
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	m, err := retort.Open(ctx, url, revs, retort.Options{Logger: logger, LockTimeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()

	// Another session holds the migration lock: the wait is logged.
	unlock := holdLock(t, url)
	if _, err := m.Upgrade(ctx, "head"); !errors.Is(err, dialect.ErrLockTimeout) {
		t.Fatalf("upgrade while the lock is held: %v, want a lock timeout", err)
	}
	unlock()
	recs := records(t, &buf)
	if len(recs) == 0 || recs[0]["msg"] != "waiting for the migration lock" || recs[0]["level"] != "WARN" ||
		!strings.Contains(fmt.Sprint(recs[0]["holder"]), "pid") {
		t.Fatalf("records while the lock is held: %v, want a WARN lock wait naming the holder's pid", recs)
	}

	if _, err := m.Upgrade(ctx, "head"); err == nil {
		t.Fatal("upgrade through b3 succeeded")
	}
	var got []string
	for _, r := range records(t, &buf) {
		line := fmt.Sprintf("%s %s", r["level"], r["msg"])
		for _, k := range []string{"revision", "direction", "status", "statement", "of"} {
			if v, ok := r[k]; ok {
				line += fmt.Sprintf(" %s=%v", k, v)
			}
		}
		if r["msg"] == "revision end" {
			if _, ok := r["duration_ms"].(float64); !ok {
				t.Errorf("revision end without duration_ms: %v", r)
			}
		}
		if r["msg"] == "statement" {
			line += " sql"
		}
		got = append(got, line)
	}
	want := []string{
		"INFO revision start revision=b1 direction=up",
		"DEBUG statement sql",
		"DEBUG statement start revision=b1 statement=1 of=1",
		"INFO revision end revision=b1 status=ok",
		"INFO revision start revision=b2 direction=up",
		"DEBUG statement sql",
		"DEBUG statement start revision=b2 statement=1 of=2",
		"DEBUG statement sql",
		"DEBUG statement start revision=b2 statement=2 of=2",
		"INFO revision end revision=b2 status=ok",
		"INFO revision start revision=b3 direction=up",
		"DEBUG statement sql",
		"DEBUG statement start revision=b3 statement=1 of=1",
		"ERROR revision end revision=b3 status=failed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// holdLock takes the migration lock of the database at url in another
// session until the returned function is called.
func holdLock(t *testing.T, url string) (unlock func()) {
	t.Helper()
	ctx := context.Background()
	u, d, err := dialect.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	db, err := d.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	release, err := d.Lock(ctx, conn, dialect.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return func() {
		release()
		conn.Close()
		db.Close()
	}
}

// records decodes and empties buf, one JSON record a line.
func records(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("record %q: %v", line, err)
		}
		out = append(out, r)
	}
	buf.Reset()
	return out
}
