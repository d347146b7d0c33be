package config

import (
	"errors"
	"strings"
	"testing"
)

func env(kv ...string) func(string) (string, bool) {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

func TestExpand(t *testing.T) {
	t.Parallel()
	getenv := env("HOST", "db.local", "PORT", "5432", "EMPTY", "", "DOLLAR", "a$b", "REF", "${HOST}")
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"${HOST}", "db.local"},
		{"postgres://${HOST}:${PORT}/x", "postgres://db.local:5432/x"},
		{"${EMPTY}", ""},
		{"${MISSING:-fallback}", "fallback"},
		{"${MISSING:-}", ""},
		{"${EMPTY:-fallback}", "fallback"},
		{"${EMPTY-fallback}", ""},
		{"${MISSING-fallback}", "fallback"},
		{"${HOST:-fallback}", "db.local"},
		{"${MISSING:-sqlite:///app.db}", "sqlite:///app.db"},
		{"${MISSING:-a:-b}", "a:-b"},
		// Nested defaults.
		{"${A:-${B:-${HOST}}}", "db.local"},
		{"${A:-${B:-deep}}!", "deep!"},
		{"${A:-x${PORT}y}", "x5432y"},
		{"${HOST:-${UNSET_BUT_UNUSED}}", "db.local"},
		{"${A:-${B:-x}}-${C:-y}", "x-y"},
		// Dollars.
		{"$$", "$"},
		{"$${HOST}", "${HOST}"},
		{"pa$$word", "pa$word"},
		{"a$b", "a$b"},
		{"cost: 5$", "cost: 5$"},
		{"$HOST", "$HOST"},
		{"${MISSING:-$$}", "$"},
		{"${MISSING:-a}b}", "ab}"},
		// Values are not expanded again.
		{"${DOLLAR}", "a$b"},
		{"${REF}", "${HOST}"},
	}
	for _, tt := range tests {
		got, err := Expand(tt.in, getenv)
		if err != nil {
			t.Errorf("Expand(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExpandErrors(t *testing.T) {
	t.Parallel()
	getenv := env("HOST", "h")
	tests := []struct {
		in, want string
		unset    bool
	}{
		{"${DATABASE_URL}", "environment variable DATABASE_URL is not set (use ${DATABASE_URL:-default} to give a default)", true},
		{"x ${HOST} ${NOPE} y", "environment variable NOPE is not set", true},
		{"${A:-${B}}", "environment variable B is not set", true},
		{"${HOST", "unterminated reference ${HOST: missing }", false},
		{"${A:-x", "unterminated reference ${A: missing }", false},
		{"${A:-${B:-x}", "unterminated reference ${A: missing }", false},
		{"${HOST:-${B:-x}", "unterminated reference ${HOST: missing }", false},
		{"${}", "a variable name", false},
		{"${1X}", "a variable name", false},
		{"${A:?msg}", "write ${A} or ${A:-default}", false},
		{"${A B}", "write ${A} or ${A:-default}", false},
	}
	for _, tt := range tests {
		_, err := Expand(tt.in, getenv)
		if err == nil {
			t.Errorf("Expand(%q) succeeded, want error %q", tt.in, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Expand(%q) = %q, want it to contain %q", tt.in, err, tt.want)
		}
		if got := errors.Is(err, ErrUnsetVariable); got != tt.unset {
			t.Errorf("Expand(%q): errors.Is(ErrUnsetVariable) = %v, want %v", tt.in, got, tt.unset)
		}
	}
}
