//go:build !unix

package userfile

// nonBlock is 0 where there is no such flag; the stat before opening is
// then the only guard.
const nonBlock = 0
