package userfile

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var units = []struct {
	name string
	n    int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"b", 1},
}

// ParseSize reads a positive size: a byte count ("1048576") or a whole
// number with a unit, binary (KiB, MiB, GiB) or decimal (KB, MB, GB, B),
// case-insensitive, with or without a space ("16MiB", "16 MiB").
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range units {
		if num, ok := strings.CutSuffix(t, u.name); ok {
			t, mult = strings.TrimSpace(num), u.n
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("invalid size %q (want a positive byte count or a whole number of KiB, MiB, GiB, KB, MB or GB, like \"16MiB\")", s)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("invalid size %q: too large", s)
	}
	return n * mult, nil
}

// FormatSize writes n bytes for people: "512 bytes", "16 MiB", "2.1 GiB".
func FormatSize(n int64) string {
	const unit = 1 << 10
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	names := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	div, i := int64(unit), 0
	for n/div >= unit && i < len(names)-1 {
		div *= unit
		i++
	}
	if n%div == 0 {
		return fmt.Sprintf("%d %s", n/div, names[i])
	}
	return fmt.Sprintf("%.1f %s", float64(n)/float64(div), names[i])
}
