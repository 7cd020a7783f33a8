//go:build tools

// The loader module is imported only by the program retort writes and
// runs; this import keeps it in go.mod through go mod tidy.
package models

import _ "github.com/retortdb/retort/gormschema"
