// Package models holds the example's bun models: the braindump story's
// users and their notes.
package models

import "github.com/uptrace/bun"

// User writes notes.
type User struct {
	bun.BaseModel `bun:"table:users"`

	ID    int64   `bun:"id,pk,autoincrement"`
	Email string  `bun:"email,notnull,unique"`
	Name  string  `bun:"name,notnull,default:''"`
	Notes []*Note `bun:"rel:has-many,join:id=author_id"`
}

// Note always has an author, through notes.author_id. bun writes the
// foreign key from this belongs-to relation; the braindump story's second
// revision deletes a user's notes with the user: add on_delete:CASCADE
// to the Author tag.
type Note struct {
	bun.BaseModel `bun:"table:notes"`

	ID       int64  `bun:"id,pk,autoincrement"`
	Title    string `bun:"title,notnull"`
	Body     string `bun:"body,nullzero"`
	AuthorID int64  `bun:"author_id,notnull"`
	Author   *User  `bun:"rel:belongs-to,join:author_id=id"`
}
