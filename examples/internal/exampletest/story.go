package exampletest

import (
	"strings"
	"testing"
)

// A Story is the README's path through one example: the three commands,
// then the braindump story, where the notes' foreign key gains ON DELETE
// CASCADE in the model.
type Story struct {
	// Before edits the copy before the three commands (GORM's example
	// ships the model with the cascade; the story starts without it).
	Before []Replace
	// Cascade edits the model so that deleting a user deletes its notes.
	Cascade []Replace
	// FK is the name retort check gives the notes' foreign key, by target.
	FK map[string]string
	// Lint is retort lint's orm-intent finding up to the relation it
	// names (GORM's names the model's file and line first).
	Lint string
	// Seed inserts the users ann@example.com (two notes) and
	// bob@example.com (one note).
	Seed []string
	// Then runs on each target after the story, at head with the cascade.
	Then func(e *Example)
}

// Run runs the story on SQLite, PostgreSQL and MariaDB, each in a fresh
// copy of the example in the working directory and a fresh database.
func Run(t *testing.T, s Story) {
	retort := buildRetort(t)
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			e := newExample(t, retort, tg)
			s.run(e)
			if s.Then != nil {
				s.Then(e)
			}
		})
	}
}

func (s Story) run(e *Example) {
	t := e.t
	e.edit(s.Before)

	// The README's three commands.
	e.Retort(0, "revision", "-m", "users and notes", "--autogenerate")
	e.Retort(0, "upgrade")
	if out := e.Retort(0, "check"); !strings.Contains(out, "matches the desired schema") {
		t.Fatalf("on %s: retort check after upgrade:\n%s", e.Target, out)
	}
	for _, q := range s.Seed {
		if err := e.exec(q); err != nil {
			t.Fatalf("on %s: %s: %v", e.Target, q, err)
		}
	}
	e.rows(2, 3)
	e.deleteRefused("ann@example.com")

	// The model gains the cascade; the database does not have it yet.
	e.edit(s.Cascade)
	change := "foreign key " + s.FK[e.Target] + " (author_id) -> users(id): ON DELETE NO ACTION => CASCADE"
	if out := e.Retort(1, "check"); !strings.Contains(out, change) {
		t.Errorf("on %s: retort check after the model's change does not say %q:\n%s", e.Target, change, out)
	}
	intent := s.Lint + ": notes(author_id) -> users(id) is ON DELETE CASCADE in the model but ON DELETE NO ACTION in the database (foreign key " + s.FK[e.Target] + ")"
	if out := e.Retort(1, "lint"); !strings.Contains(out, intent) {
		t.Errorf("on %s: retort lint does not say %q:\n%s", e.Target, intent, out)
	}

	e.Retort(0, "revision", "-m", "cascade notes", "--autogenerate")
	up := e.upgradeSection("_cascade_notes.sql")
	for _, want := range e.fkChange {
		if !strings.Contains(up, want) {
			t.Errorf("on %s: the cascade revision has no %q:\n%s", e.Target, want, up)
		}
	}
	e.Retort(0, "upgrade")
	e.rows(2, 3)
	if err := e.exec("DELETE FROM users WHERE email = 'ann@example.com'"); err != nil {
		t.Fatalf("on %s: deleting ann after the cascade revision: %v", e.Target, err)
	}
	e.rows(1, 1)
	if out := e.Retort(0, "check"); !strings.Contains(out, "matches the desired schema") {
		t.Fatalf("on %s: retort check after the cascade revision:\n%s", e.Target, out)
	}

	// Downgrade: NO ACTION again, and the rows stay.
	e.Retort(0, "downgrade", "-1")
	e.rows(1, 1)
	e.deleteRefused("bob@example.com")
	if out := e.Retort(1, "check"); !strings.Contains(out, change) {
		t.Errorf("on %s: retort check after the downgrade does not say %q:\n%s", e.Target, change, out)
	}
	e.Retort(0, "upgrade")
}

// rows fails the test unless users and notes hold these many rows.
func (e *Example) rows(users, notes int) {
	e.t.Helper()
	if u, n := e.count("users"), e.count("notes"); u != users || n != notes {
		e.t.Fatalf("on %s: %d users and %d notes, want %d and %d", e.Target, u, n, users, notes)
	}
}

// deleteRefused fails the test unless the database refuses to delete a
// user who has notes (ON DELETE NO ACTION).
func (e *Example) deleteRefused(email string) {
	e.t.Helper()
	err := e.exec("DELETE FROM users WHERE email = '" + email + "'")
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "foreign key") {
		e.t.Fatalf("on %s: deleting %s, who has notes, under ON DELETE NO ACTION: %v, want a foreign key error", e.Target, email, err)
	}
}
