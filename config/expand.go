package config

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// varName is what ${NAME} may hold: an environment variable name.
var varName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// expand replaces ${VAR} and ${VAR:-default} in a config value with the
// environment, so URLs with secrets need not be written in the file.
// $${ is a literal ${. An unset variable without a default is an error:
// an empty password or host silently put in a URL is worse.
func expand(key, s string) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "$${"):
			b.WriteString("${")
			i += 3
		case strings.HasPrefix(s[i:], "${"):
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return "", fmt.Errorf("%s: unterminated ${ in %q", key, s)
			}
			ref := s[i+2 : i+end]
			name, def, hasDef := strings.Cut(ref, ":-")
			if !varName.MatchString(name) {
				return "", fmt.Errorf("%s: ${%s} is not ${VAR} or ${VAR:-default}", key, ref)
			}
			v, set := os.LookupEnv(name)
			switch {
			case set && v != "":
				b.WriteString(v)
			case hasDef:
				b.WriteString(def)
			case set:
			default:
				return "", fmt.Errorf("%s: environment variable %s is not set (write ${%s:-default} for a default)", key, name, name)
			}
			i += end + 1
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), nil
}

// expandAll expands every string value of the config. A url or dev_url
// whose variable is unset is an error only when it is used: RETORT_URL
// may stand in for the file's url, as CI jobs do.
func (c *Config) expandAll() error {
	var err error
	if c.URL, err = expand("url", c.URL); err != nil {
		c.URL, c.urlErr = "", err
	}
	if c.DevURL, err = expand("dev_url", c.DevURL); err != nil {
		c.DevURL, c.devURLErr = "", err
	}
	fields := []struct {
		key string
		v   *string
	}{{"dir", &c.Dir}, {"lock_timeout", &c.LockTimeout}, {"source_timeout", &c.SourceTimeout}}
	for _, f := range fields {
		var err error
		if *f.v, err = expand(f.key, *f.v); err != nil {
			return err
		}
	}
	for i := range c.Schema {
		var err error
		if c.Schema[i], err = expand("schema", c.Schema[i]); err != nil {
			return err
		}
	}
	for k, v := range c.Naming {
		e, err := expand("naming."+k, v)
		if err != nil {
			return err
		}
		c.Naming[k] = e
	}
	return nil
}

// ScratchURL returns dev_url, expanded.
func (c *Config) ScratchURL() (string, error) {
	if c.devURLErr != nil {
		return "", fmt.Errorf("%w: %s: %w", ErrConfig, c.where(), c.devURLErr)
	}
	return c.DevURL, nil
}

func (c *Config) where() string {
	if c.Path == "" {
		return DefaultFile
	}
	return c.Path
}
