package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"
)

// goSettings are the go command's settings scripts inherit: a script's
// HOME is not the user's, so without them the go command inside (the GORM
// loader retort builds) would start with an empty build and module cache
// and without the proxy configuration.
var goSettings = []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GONOPROXY", "GOINSECURE", "GOFLAGS", "GOTOOLCHAIN"}

var goEnvOnce = sync.OnceValues(func() (map[string]string, error) {
	out, err := exec.Command("go", append([]string{"env", "-json"}, goSettings...)...).Output()
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	return env, json.Unmarshal(out, &env)
})

// setupGo gives a script the go command's settings and REPO, the
// repository's root, for replace directives to its loader modules.
func setupGo(env *testscript.Env) error {
	settings, err := goEnvOnce()
	if err != nil {
		return err
	}
	for k, v := range settings {
		if v != "" {
			env.Setenv(k, v)
		}
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		return err
	}
	env.Setenv("REPO", repo)
	return nil
}
