//go:build !unix

package schemasource

import "os/exec"

// ownProcessGroup leaves cmd as it is: without process groups,
// cancelling kills the program itself only.
func ownProcessGroup(*exec.Cmd) {}
