package gostruct

import (
	"fmt"
	"testing"
)

func TestParseRetortTag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ tag, want string }{
		{"pk;identity", "[{pk  [] pk} {identity  [] identity}]"},
		{"type:numeric(10,2)", "[{type numeric(10,2) [] type:numeric(10,2)}]"},
		{"type:jsonb,mysql=json,sqlite=TEXT", "[{type jsonb [{mysql json} {sqlite TEXT}] type:jsonb,mysql=json,sqlite=TEXT}]"},
		{"default:'a;b,c'", "[{default 'a;b,c' [] default:'a;b,c'}]"},
		{"index:ix,where:a IN (1,2),method:gin", "[{index ix [{where a IN (1,2)} {method gin}] index:ix,where:a IN (1,2),method:gin}]"},
		{"comment:Hello, world", "[{comment Hello, world [] comment:Hello, world}]"},
		{"check:ok,a > 0", "[{check ok,a > 0 [] check:ok,a > 0}]"},
		{"pk,identity", "[{pk  [{identity }] pk,identity}]"},
		{" ; size:5 ;", "[{size 5 [] size:5}]"},
	} {
		if got := fmt.Sprint(parseRetortTag(tc.tag)); got != tc.want {
			t.Errorf("parseRetortTag(%q) = %s, want %s", tc.tag, got, tc.want)
		}
	}
}

func TestDefaultImportName(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"github.com/jackc/pgx/v5/pgtype": "pgtype",
		"github.com/gofrs/uuid/v5":       "uuid",
		"github.com/satori/go.uuid":      "uuid",
		"gopkg.in/yaml.v3":               "yaml",
		"github.com/mattn/go-sqlite3":    "sqlite3",
		"time":                           "time",
	} {
		if got := defaultImportName(path); got != want {
			t.Errorf("defaultImportName(%q) = %q, want %q", path, got, want)
		}
	}
}
