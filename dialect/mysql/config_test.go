package mysql

import (
	"net/url"
	"testing"
	"time"
)

func TestConfig(t *testing.T) {
	cases := []struct {
		url                  string
		user, pass, addr, db string
		check                func(t *testing.T, tls string, timeout time.Duration, params map[string]string)
	}{
		{url: "mysql://root@127.0.0.1:3306/app", user: "root", addr: "127.0.0.1:3306", db: "app"},
		{url: "mysql://u:p%40ss%2Fw@db.example/app", user: "u", pass: "p@ss/w", addr: "db.example:3306", db: "app"},
		{url: "mysql://u@h:3307/x?timeout=5s&sql_mode=ANSI_QUOTES", user: "u", addr: "h:3307", db: "x",
			check: func(t *testing.T, _ string, timeout time.Duration, params map[string]string) {
				if timeout != 5*time.Second {
					t.Errorf("timeout = %v", timeout)
				}
				if params["sql_mode"] != "ANSI_QUOTES" {
					t.Errorf("params = %v", params)
				}
			}},
		{url: "mysql://u@h/x?multiStatements=true&parseTime=false", user: "u", addr: "h:3306", db: "x"},
	}
	for _, tc := range cases {
		t.Run(tc.url, func(t *testing.T) {
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := Config(u)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.User != tc.user || cfg.Passwd != tc.pass || cfg.Addr != tc.addr || cfg.DBName != tc.db || cfg.Net != "tcp" {
				t.Errorf("got user=%q pass=%q addr=%q db=%q net=%q", cfg.User, cfg.Passwd, cfg.Addr, cfg.DBName, cfg.Net)
			}
			if !cfg.ParseTime || cfg.MultiStatements {
				t.Errorf("parseTime=%v multiStatements=%v, want true/false whatever the URL says", cfg.ParseTime, cfg.MultiStatements)
			}
			if tc.check != nil {
				tc.check(t, cfg.TLSConfig, cfg.Timeout, cfg.Params)
			}
		})
	}
}
