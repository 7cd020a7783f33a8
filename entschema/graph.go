package entschema

import (
	"errors"
	"fmt"
	"reflect"

	"entgo.io/ent"
	"entgo.io/ent/dialect/sql/schema"
	"entgo.io/ent/entc/gen"
	"entgo.io/ent/entc/load"
)

// tables builds ent's code-generation graph from the schema values, as
// entc does after loading a schema package, and returns its tables and
// the graph.
func tables(models []any) ([]*schema.Table, *gen.Graph, error) {
	if len(models) == 0 {
		return nil, nil, errors.New("entschema: no models given (pass the schema values, e.g. schema.User{})")
	}
	loaded := make([]*load.Schema, 0, len(models))
	for i, m := range models {
		s, err := loadSchema(m)
		if err != nil {
			return nil, nil, fmt.Errorf("entschema: model %d (%T) %w", i+1, m, err)
		}
		loaded = append(loaded, s)
	}
	storage, err := gen.NewStorage("sql")
	if err != nil {
		return nil, nil, fmt.Errorf("entschema: ent's sql storage is missing: %w", err)
	}
	graph, err := gen.NewGraph(&gen.Config{Storage: storage}, loaded...)
	if err != nil {
		return nil, nil, fmt.Errorf("entschema: ent rejected the schema graph: %w", err)
	}
	all, err := graph.Tables()
	if err != nil {
		return nil, nil, fmt.Errorf("entschema: ent could not derive tables from the schema graph: %w", err)
	}
	return all, graph, nil
}

// loadSchema describes one schema value the way entc's loader program
// does: marshalled by ent itself, so mixins, annotations and defaults are
// read exactly as ent reads them.
func loadSchema(model any) (*load.Schema, error) {
	s, err := schemaValue(model)
	if err != nil {
		return nil, err
	}
	b, err := load.MarshalSchema(s)
	if err != nil {
		return nil, err
	}
	return load.UnmarshalSchema(b)
}

// schemaValue accepts a schema struct or a pointer to one (a nil pointer
// too, since ent only calls its methods).
func schemaValue(model any) (ent.Interface, error) {
	v := reflect.ValueOf(model)
	if !v.IsValid() {
		return nil, errors.New("is nil, not an ent schema")
	}
	if v.Kind() == reflect.Pointer && v.IsNil() {
		v = reflect.New(v.Type().Elem())
	}
	if s, ok := v.Interface().(ent.Interface); ok {
		return s, nil
	}
	if v.Kind() != reflect.Pointer {
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		if s, ok := p.Interface().(ent.Interface); ok {
			return s, nil
		}
	}
	return nil, errors.New("is not an ent schema: it does not implement ent.Interface (embed ent.Schema)")
}
