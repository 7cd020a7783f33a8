// Package braindump holds the ent schema of the tests: the braindump
// story's users and notes, a many-to-many edge, and a table using every
// ON DELETE action the three databases accept.
package braindump

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
)

// User has many notes; Cascade is the story's second revision, where
// deleting a user deletes its notes.
type User struct {
	ent.Schema
	Cascade bool
}

func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("email").Unique(),
		field.String("name").Default("anon"),
		field.Bool("active").Default(true),
	}
}

func (u User) Edges() []ent.Edge {
	notes := edge.To("notes", Note.Type)
	if u.Cascade {
		notes = notes.Annotations(entsql.OnDelete(entsql.Cascade))
	}
	return []ent.Edge{
		notes,
		edge.To("groups", Group.Type),
		edge.To("owned_tasks", Task.Type).Annotations(entsql.OnDelete(entsql.Restrict)),
		edge.To("reviewed_tasks", Task.Type).Annotations(entsql.OnDelete(entsql.SetNull)),
	}
}

// Note belongs to its author through author_id.
type Note struct{ ent.Schema }

func (Note) Fields() []ent.Field {
	return []ent.Field{
		field.String("title").MaxLen(200),
		field.Text("body").Optional(),
		field.Int("author_id").Optional(),
	}
}

func (Note) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("author", User.Type).Ref("notes").Field("author_id").Unique(),
	}
}

func (Note) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("author_id", "title").Unique(),
		index.Fields("title"),
	}
}

// Group and User are joined by ent's user_groups table.
type Group struct{ ent.Schema }

func (Group) Fields() []ent.Field {
	return []ent.Field{field.String("name").NotEmpty()}
}

func (Group) Edges() []ent.Edge {
	return []ent.Edge{edge.From("users", User.Type).Ref("groups")}
}

// Task has an owner that cannot be deleted while it has tasks
// (RESTRICT), a reviewer whose deletion clears the column (SET NULL) and
// a parent task with NO ACTION.
type Task struct{ ent.Schema }

func (Task) Fields() []ent.Field {
	return []ent.Field{
		field.Int("owner_id"),
		field.Int("reviewer_id").Optional(),
		field.Int("parent_id").Optional(),
		field.Int("priority").Default(3),
	}
}

func (Task) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("owned_tasks").Field("owner_id").Unique().Required(),
		edge.From("reviewer", User.Type).Ref("reviewed_tasks").Field("reviewer_id").Unique(),
		edge.To("children", Task.Type).
			Annotations(entsql.OnDelete(entsql.NoAction)).
			From("parent").Field("parent_id").Unique(),
	}
}

// Models returns the schema values in the order a user would list them.
func Models(cascade bool) []any {
	return []any{User{Cascade: cascade}, Note{}, Group{}, Task{}}
}
