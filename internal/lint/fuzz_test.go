package lint

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dialect/registry"
)

var fuzzSeeds = []string{
	"CREATE TABLE t (id bigint PRIMARY KEY, a varchar(10) NOT NULL DEFAULT 'x', b numeric(10,2))",
	`ALTER TABLE "T" ADD COLUMN "a b" int NOT NULL, ALTER COLUMN c TYPE text USING c::text, DROP COLUMN IF EXISTS d CASCADE`,
	"ALTER TABLE ONLY public.t ADD CONSTRAINT c FOREIGN KEY (a) REFERENCES u (id) NOT VALID",
	"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix ON t USING btree (lower(a)) WHERE b IS NULL",
	"DROP INDEX CONCURRENTLY IF EXISTS ix",
	"ALTER TABLE t MODIFY COLUMN a varchar(20) CHARACTER SET utf8mb4 NOT NULL AFTER b, ALGORITHM=INPLACE, LOCK=NONE",
	"ALTER TABLE t CHANGE a b bigint unsigned",
	"RENAME TABLE a TO b, c TO d",
	"TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE",
	"ALTER TYPE s ADD VALUE IF NOT EXISTS 'x' BEFORE 'y'",
	"SET LOCAL lock_timeout TO '1s'",
	"PRAGMA main.foreign_keys = OFF",
	"CREATE TABLE t (a int, CONSTRAINT pk PRIMARY KEY (a), UNIQUE KEY k (a), CHECK (a > 0))",
	"ALTER TABLE t ADD (a int",
	"CREATE TABLE t AS SELECT 1",
	"ALTER TABLE t RENAME COLUMN a TO b",
	"ALTER TABLE t RENAME TO u",
	"ALTER TABLE t ALTER COLUMN a SET NOT NULL",
	"DELETE FROM t WHERE $$ ; $$ = ''",
	"/* unterminated",
	"'unterminated",
	"ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX i",
	"CREATE INDEX ON t (a)",
	"ALTER TABLE t ADD COLUMN x int GENERATED ALWAYS AS (a + 1) STORED",
	"e'\\''",
}

// FuzzClassify: the classifier reads any text without panicking (parse,
// not classify, which would hide a panic), and tokenizing never loses the
// input's words.
func FuzzClassify(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
		f.Add(strings.ToLower(s))
	}
	f.Fuzz(func(t *testing.T, sql string) {
		s := parse(sql, 1)
		if s.sql != sql {
			t.Fatalf("statement text changed")
		}
		for _, tk := range tokenize(sql) {
			if tk.raw == "" {
				t.Fatalf("empty token in %q", sql)
			}
		}
	})
}

// FuzzRun: any pair of sections lints without panicking on every dialect,
// and every finding points at a line of the file.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "DROP TABLE t")
	}
	f.Fuzz(func(t *testing.T, up, down string) {
		if strings.Contains(up, "\n") || strings.Contains(down, "\n") {
			return
		}
		src := "-- fuzz\n--\n-- Revision ID: 000000000001\n-- Revises:\n\n-- +retort upgrade\n" + up + "\n-- +retort downgrade\n" + down + "\n"
		r := Revision{ID: "000000000001", Path: "f.sql", Message: "fuzz case", Source: src, Lint: true,
			Upgrade:   Section{Present: true, Line: 6, Statements: []Statement{{SQL: up, Line: 7}}},
			Downgrade: Section{Present: true, Line: 8, Statements: []Statement{{SQL: down, Line: 9}}}}
		lines := strings.Count(src, "\n")
		for _, name := range []string{"postgres", "mysql", "sqlite"} {
			d, _ := registry.Lookup(name)
			fs, err := Run([]Revision{r, r}, Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			for _, fd := range fs {
				if fd.Line < 1 || fd.Line > lines {
					t.Fatalf("%s: finding at line %d of a %d-line file: %+v", name, fd.Line, lines, fd)
				}
			}
		}
	})
}

var update = flag.Bool("update", false, "rewrite docs/lint.md's rule reference from the rule table")

// rulesMarkdown is docs/lint.md's rule reference, made from the rule table.
func rulesMarkdown() string {
	group := map[string]string{"": "Every dialect", "pg": "PostgreSQL", "mysql": "MySQL and MariaDB", "sqlite": "SQLite"}
	var b strings.Builder
	last := "-"
	for _, r := range Rules() {
		if r.Set != last {
			fmt.Fprintf(&b, "## %s\n\n", group[r.Set])
			last = r.Set
		}
		fmt.Fprintf(&b, "### `%s`\n\n", r.ID)
		sq := ""
		if r.Squawk != "" {
			sq = fmt.Sprintf(" · squawk: `%s`", r.Squawk)
		}
		fmt.Fprintf(&b, "**%s**%s\n\n", r.Severity, sq)
		fmt.Fprintf(&b, "Finds: %s.\n\n", r.Doc)
		fmt.Fprintf(&b, "Safe alternative: %s.\n\n", strings.TrimSuffix(r.Safe, "."))
		fmt.Fprintf(&b, "```sql\n%s\n```\n\n", r.Example)
	}
	return b.String()
}

// docs/lint.md's rule reference is the rule table's (go test -update
// rewrites it), and every rule has its doc, safe alternative and example.
func TestRulesDocumented(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "docs", "lint.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const marker = "# Rules\n\n"
	head, _, ok := strings.Cut(string(doc), marker)
	if !ok {
		t.Fatalf("docs/lint.md has no %q heading", strings.TrimSpace(marker))
	}
	want := head + marker + rulesMarkdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(doc) != want {
		t.Errorf("docs/lint.md's rule reference is not the rule table's: run go test ./internal/lint -run TestRulesDocumented -update")
	}
	for _, r := range Rules() {
		if r.Doc == "" || r.Safe == "" || r.Example == "" {
			t.Errorf("rule %s lacks its doc, safe alternative or example", r.ID)
		}
	}
}
