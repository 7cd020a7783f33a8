package userfile

import "testing"

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"16MiB": 16 << 20, "16 MiB": 16 << 20, "16mib": 16 << 20, " 1GiB ": 1 << 30, "512KiB": 512 << 10,
		"16MB": 16e6, "2kb": 2000, "3GB": 3e9, "100B": 100, "1048576": 1 << 20,
	}
	for in, want := range good {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "0", "-1MiB", "1.5MiB", "16 megs", "16TiB", "0x10", "9999999999GiB"} {
		if got, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 16 << 20: "16 MiB",
		2254857830: "2.1 GiB", 5 << 40: "5 TiB",
	}
	for in, want := range tests {
		if got := FormatSize(in); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", in, got, want)
		}
	}
}
