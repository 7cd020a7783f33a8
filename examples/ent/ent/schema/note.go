package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// Note always has an author, through notes.author_id.
type Note struct {
	ent.Schema
}

func (Note) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").MaxLen(200),
		field.Text("body").Optional(),
		field.Int("author_id"),
	}
}

func (Note) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("author", User.Type).Ref("notes").Field("author_id").Unique().Required(),
	}
}

func (Note) Indexes() []ent.Index {
	return []ent.Index{index.Fields("author_id", "title")}
}
