package schemasource

import "fmt"

// orm is how one ORM's models are found and handed to its loader module.
type orm struct {
	name   string // as in the schema entry: gorm, ent, bun
	title  string // for messages
	loader string // the loader module (and package) the program imports
	// A model is an exported struct embedding base (a type of the package
	// imported from pkg) or, when tag is set, having a field with that
	// struct tag key.
	pkg, base, tag string
	// value is the Go expression the loader passes for model %s, as the
	// loader's Load takes it.
	value string
}

var orms = map[string]orm{
	"gorm": {name: "gorm", title: "GORM", loader: "github.com/retortdb/retort/gormschema",
		pkg: "gorm.io/gorm", base: "Model", tag: "gorm", value: "&%s{}"},
	"ent": {name: "ent", title: "ent", loader: "github.com/retortdb/retort/entschema",
		pkg: "entgo.io/ent", base: "Schema", value: "%s{}"},
	"bun": {name: "bun", title: "bun", loader: "github.com/retortdb/retort/bunschema",
		pkg: "github.com/uptrace/bun", base: "BaseModel", value: "&%s{}"},
}

// rule says which structs are models, for the "no models" error.
func (o orm) rule() string {
	base := fmt.Sprintf("structs embedding %s.%s", lastElem(o.pkg), o.base)
	if o.tag != "" {
		return fmt.Sprintf("%s or with %s struct tags", base, o.tag)
	}
	return base
}
