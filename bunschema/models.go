package bunschema

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/uptrace/bun"
)

// modelPointers turns each model into a pointer to its struct, the form
// bun registers; values and nil pointers are accepted.
func modelPointers(models []any) ([]any, error) {
	if len(models) == 0 {
		return nil, errors.New("bunschema: no models given (pass the model structs, e.g. (*User)(nil))")
	}
	seen := map[reflect.Type]bool{}
	ptrs := make([]any, 0, len(models))
	for i, m := range models {
		t := reflect.TypeOf(m)
		if t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return nil, fmt.Errorf("bunschema: model %d (%T) is not a bun model: want a struct or a pointer to one", i+1, m)
		}
		if seen[t] {
			return nil, fmt.Errorf("bunschema: model %d (%s) is given twice", i+1, t)
		}
		seen[t] = true
		ptrs = append(ptrs, reflect.New(t).Interface())
	}
	return ptrs, nil
}

// register hands the models to bun, join models first: bun resolves an
// m2m relation when it registers the model that declares it, and then
// needs the join model registered already.
func register(db *bun.DB, ptrs []any) (err error) {
	var plain, withM2M []any
	for _, p := range ptrs {
		if declaresM2M(reflect.TypeOf(p).Elem()) {
			withM2M = append(withM2M, p)
		} else {
			plain = append(plain, p)
		}
	}
	for _, p := range append(plain, withM2M...) {
		if err := registerOne(db, p); err != nil {
			return err
		}
	}
	return nil
}

func registerOne(db *bun.DB, model any) (err error) {
	defer recoverModel(model, &err)
	db.RegisterModel(model)
	return nil
}

// declaresM2M reports whether a field of the struct has bun's m2m option.
func declaresM2M(t reflect.Type) bool {
	for i := range t.NumField() {
		for _, opt := range strings.Split(t.Field(i).Tag.Get("bun"), ",") {
			if strings.HasPrefix(opt, "m2m:") {
				return true
			}
		}
	}
	return false
}

// recoverModel turns bun's panics on a malformed model (a relation
// without its join column, an unregistered m2m model) into an error
// naming the model.
func recoverModel(model any, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("bunschema: bun rejected model %s: %v", typeName(model), r)
	}
}

func typeName(model any) string {
	return reflect.TypeOf(model).Elem().String()
}
