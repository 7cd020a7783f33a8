package config

import (
	"fmt"

	"github.com/retortdb/retort/internal/userfile"
)

// Size is a byte count, written in retort.toml as an integer (16777216)
// or a string with a unit ("16MiB", "512 KiB", "20MB").
type Size int64

// UnmarshalTOML reads either form.
func (s *Size) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case int64:
		if v <= 0 {
			return fmt.Errorf("invalid size %d (want a positive byte count or a size like \"16MiB\")", v)
		}
		*s = Size(v)
	case string:
		n, err := userfile.ParseSize(v)
		if err != nil {
			return err
		}
		*s = Size(n)
	default:
		return fmt.Errorf("invalid size %v (want a byte count or a size like \"16MiB\")", v)
	}
	return nil
}
