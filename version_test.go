package retort

import (
	"context"
	"regexp"
	"runtime/debug"
	"testing"
)

func TestBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   debug.BuildInfo
		want BuildInfo
	}{
		{"released", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}},
			BuildInfo{Version: "v1.2.3", GoVersion: "go1.26.8"}},
		{"checkout", debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "d3fa3bbc"}, {Key: "vcs.modified", Value: "true"}}},
			BuildInfo{Version: "(devel)", Commit: "d3fa3bbc", Modified: true, GoVersion: "go1.26.8"}},
		{"clean checkout", debug.BuildInfo{GoVersion: "go1.26.8",
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "d3fa3bbc"}, {Key: "vcs.modified", Value: "false"}}},
			BuildInfo{Version: "(devel)", Commit: "d3fa3bbc", GoVersion: "go1.26.8"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := buildInfoOf(&tc.in); got != tc.want {
				t.Errorf("buildInfo = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestEngineVersion(t *testing.T) {
	v, err := EngineVersion(context.Background(), "sqlite://:memory:")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^3\.[0-9]+\.[0-9]+$`).MatchString(v) {
		t.Errorf("SQLite version %q, want 3.x.y", v)
	}
	if _, err := EngineVersion(context.Background(), "nosuch://x"); err == nil {
		t.Error("EngineVersion of an unknown scheme succeeded")
	}
}
