// Package braindump holds the bun models of the tests: the braindump
// story's users and notes in its two revisions, and a team schema with an
// m2m join model, composite unique keys, defaults, an index created by a
// hook and the ON DELETE / ON UPDATE actions the databases accept.
package braindump

import (
	"context"
	"time"

	"github.com/uptrace/bun"
)

// User and Note are the first revision: notes.author_id references users
// with no action declared.
type User struct {
	bun.BaseModel `bun:"table:users"`

	ID    int64   `bun:"id,pk,autoincrement"`
	Email string  `bun:"email,notnull,unique"`
	Name  string  `bun:"name,notnull,default:'anon'"`
	Notes []*Note `bun:"rel:has-many,join:id=author_id"`
}

type Note struct {
	bun.BaseModel `bun:"table:notes"`

	ID       int64  `bun:"id,pk,autoincrement"`
	Title    string `bun:"title,notnull"`
	Body     string `bun:"body,nullzero"`
	AuthorID int64  `bun:"author_id,notnull"`
	Author   *User  `bun:"rel:belongs-to,join:author_id=id"`
}

// CascadeUser and CascadeNote are the second revision: deleting a user
// deletes its notes.
type CascadeUser struct {
	bun.BaseModel `bun:"table:users"`

	ID    int64          `bun:"id,pk,autoincrement"`
	Email string         `bun:"email,notnull,unique"`
	Name  string         `bun:"name,notnull,default:'anon'"`
	Notes []*CascadeNote `bun:"rel:has-many,join:id=author_id"`
}

type CascadeNote struct {
	bun.BaseModel `bun:"table:notes"`

	ID       int64        `bun:"id,pk,autoincrement"`
	Title    string       `bun:"title,notnull"`
	Body     string       `bun:"body,nullzero"`
	AuthorID int64        `bun:"author_id,notnull"`
	Author   *CascadeUser `bun:"rel:belongs-to,join:author_id=id,on_delete:CASCADE"`
}

// Team and Member are joined by TeamMember (bun's m2m).
type Team struct {
	bun.BaseModel `bun:"table:teams"`

	ID      int64     `bun:"id,pk,autoincrement"`
	Name    string    `bun:"name,notnull,unique"`
	Members []*Member `bun:"m2m:team_members,join:Team=Member"`
}

type Member struct {
	bun.BaseModel `bun:"table:members"`

	ID     int64     `bun:"id,pk,autoincrement"`
	Handle string    `bun:"handle,notnull"`
	Joined time.Time `bun:"joined,notnull,default:current_timestamp"`
	Teams  []*Team   `bun:"m2m:team_members,join:Member=Team"`
}

type TeamMember struct {
	bun.BaseModel `bun:"table:team_members"`

	TeamID   int64   `bun:"team_id,pk"`
	Team     *Team   `bun:"rel:belongs-to,join:team_id=id,on_delete:CASCADE"`
	MemberID int64   `bun:"member_id,pk"`
	Member   *Member `bun:"rel:belongs-to,join:member_id=id,on_delete:CASCADE"`
}

// Task has an owner that cannot be deleted while it owns tasks and whose
// id changes follow (RESTRICT, ON UPDATE CASCADE), a reviewer cleared on
// delete (SET NULL), a title unique per owner and an index on its state.
type Task struct {
	bun.BaseModel `bun:"table:tasks"`

	ID         int64   `bun:"id,pk,autoincrement"`
	OwnerID    int64   `bun:"owner_id,notnull,unique:tasks_owner_title"`
	Owner      *Member `bun:"rel:belongs-to,join:owner_id=id,on_delete:RESTRICT,on_update:CASCADE"`
	ReviewerID *int64  `bun:"reviewer_id"`
	Reviewer   *Member `bun:"rel:belongs-to,join:reviewer_id=id,on_delete:SET NULL"`
	Title      string  `bun:"title,notnull,unique:tasks_owner_title"`
	State      string  `bun:"state,type:varchar(20),notnull,default:'open'"`
	Priority   int     `bun:"priority,notnull,default:3"`
}

// AfterCreateTable is how bun models declare indexes: bun runs it right
// after creating the table.
func (*Task) AfterCreateTable(ctx context.Context, query *bun.CreateTableQuery) error {
	_, err := query.DB().NewCreateIndex().
		Model((*Task)(nil)).
		Index("tasks_state_idx").
		Column("state", "priority").
		Exec(ctx)
	return err
}

// Models lists the models of one revision, dependents first, as a user
// might: Load must still create referenced tables first.
func Models(cascade bool) []any {
	team := []any{(*Task)(nil), (*TeamMember)(nil), (*Team)(nil), (*Member)(nil)}
	if cascade {
		return append([]any{(*CascadeNote)(nil), (*CascadeUser)(nil)}, team...)
	}
	return append([]any{(*Note)(nil), (*User)(nil)}, team...)
}
