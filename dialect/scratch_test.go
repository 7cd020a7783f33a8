package dialect

import (
	"testing"
	"time"
)

func TestScratchNameParsesBack(t *testing.T) {
	now := time.Now()
	name := ScratchName(now)
	if len(name) > 63 {
		t.Errorf("%s is %d bytes, over PostgreSQL's 63", name, len(name))
	}
	got, ok := ScratchTime(name)
	if !ok || got.Unix() != now.Unix() {
		t.Fatalf("ScratchTime(%s) = %v, %v; want %v", name, got, ok, now.Truncate(time.Second))
	}
	if other := ScratchName(now); other == name {
		t.Errorf("two names made at once are equal: %s", name)
	}
}

func TestScratchTime(t *testing.T) {
	cases := []struct {
		name string
		ok   bool
		unix int64
	}{
		{"retort_dev_1700000000_4242_0a1b2c3d", true, 1700000000},
		{"retort_dev_0a1b2c3d4e5f", false, 0}, // the old random-only scheme
		{"retort_dev_1700000000_4242", false, 0},
		{"retort_dev_1700000000_4242_zz", false, 0},
		{"retort_dev_17x0000000_4242_0a1b", false, 0},
		{"retort_dev_1700000000__0a1b", false, 0},
		{"retort_dev_1700000000_4242_0a1b_x", false, 0},
		{"retort_t_1700000000_4242_0a1b2c3d", false, 0},
		{"", false, 0},
	}
	for _, tc := range cases {
		got, ok := ScratchTime(tc.name)
		if ok != tc.ok || ok && got.Unix() != tc.unix {
			t.Errorf("ScratchTime(%q) = %v, %v; want %d, %v", tc.name, got, ok, tc.unix, tc.ok)
		}
	}
}

func TestScratchStale(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name string
		want bool
	}{
		{ScratchName(now.Add(-2 * ScratchStaleAfter)), true},
		{ScratchName(now.Add(-ScratchStaleAfter - time.Minute)), true},
		{ScratchName(now.Add(-ScratchStaleAfter + time.Minute)), false},
		{ScratchName(now), false},
		{ScratchName(now.Add(time.Hour)), false}, // another client's clock ahead
		{"retort_dev_0a1b2c3d4e5f", false},
	}
	for _, tc := range cases {
		if got := ScratchStale(tc.name, now); got != tc.want {
			t.Errorf("ScratchStale(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}
