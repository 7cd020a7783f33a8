// Package schema is the example's ent schema: the braindump story's users
// and their notes.
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// User writes notes.
type User struct {
	ent.Schema
}

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
		field.String("name").Default(""),
	}
}

func (User) Edges() []ent.Edge {
	return []ent.Edge{
		// The braindump story's second revision deletes a user's notes
		// with the user: add
		//	.Annotations(entsql.OnDelete(entsql.Cascade))
		// (import "entgo.io/ent/dialect/entsql").
		edge.To("notes", Note.Type),
	}
}
