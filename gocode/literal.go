package gocode

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// literal writes v as a Go composite literal, leaving zero fields out and
// qualifying types with their package name (recorded in imports).
type literal struct {
	imports map[string]bool // import paths used
}

func (l *literal) write(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		l.write(b, v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Elem().Kind() == reflect.String {
			fmt.Fprintf(b, "func(s string) *string { return &s }(%s)", strconv.Quote(v.Elem().String()))
			return
		}
		b.WriteByte('&')
		l.write(b, v.Elem())
	case reflect.Struct:
		b.WriteString(l.typeName(v.Type()))
		b.WriteString("{")
		first := true
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || v.Field(i).IsZero() {
				continue
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			b.WriteString(f.Name + ": ")
			l.write(b, v.Field(i))
		}
		b.WriteString("}")
	case reflect.Slice:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString(l.typeName(v.Type()))
		b.WriteString("{")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			l.write(b, v.Index(i))
		}
		b.WriteString("}")
	case reflect.Map:
		b.WriteString(l.typeName(v.Type()))
		b.WriteString("{")
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			l.write(b, k)
			b.WriteString(": ")
			l.write(b, v.MapIndex(k))
		}
		b.WriteString("}")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	default:
		panic(fmt.Sprintf("gocode: cannot write a %s literal", v.Type()))
	}
}

// typeName spells t as Go source in the generated file.
func (l *literal) typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + l.typeName(t.Elem())
	case reflect.Slice:
		return "[]" + l.typeName(t.Elem())
	case reflect.Map:
		return "map[" + l.typeName(t.Key()) + "]" + l.typeName(t.Elem())
	}
	if t.PkgPath() == "" {
		return t.Name()
	}
	l.imports[t.PkgPath()] = true
	return t.PkgPath()[strings.LastIndexByte(t.PkgPath(), '/')+1:] + "." + t.Name()
}
