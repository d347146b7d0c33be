package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/term"
	"github.com/retortdb/retort/internal/testutil"
)

const renameV1 = `CREATE TABLE trends (
    id INTEGER NOT NULL,
    score INTEGER NOT NULL,
    label VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_score CHECK (score >= 0)
);
CREATE INDEX ix_trends_score ON trends (score);
CREATE TABLE votes (
    id INTEGER NOT NULL,
    trend_id INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_votes_trend FOREIGN KEY (trend_id) REFERENCES trends (id)
);
CREATE VIEW top_trends AS SELECT id, score FROM trends WHERE score > 15;
`

// Only the column score is renamed: without --rename this is a drop and an
// add, under a review note that names the flag.
const renameV2Column = `CREATE TABLE trends (
    id INTEGER NOT NULL,
    points INTEGER NOT NULL,
    label VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_score CHECK (points >= 0)
);
CREATE INDEX ix_trends_score ON trends (points);
CREATE TABLE votes (
    id INTEGER NOT NULL,
    trend_id INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_votes_trend FOREIGN KEY (trend_id) REFERENCES trends (id)
);
CREATE VIEW top_trends AS SELECT id, points FROM trends WHERE points > 15;
`

// The table is renamed, and columns in the primary key (referenced by a
// foreign key), in an index and a check, in a foreign key, and one renamed
// with a type change.
const renameV2 = `CREATE TABLE rankings (
    rid INTEGER NOT NULL,
    points INTEGER NOT NULL,
    label_text VARCHAR(100) NOT NULL,
    PRIMARY KEY (rid),
    CONSTRAINT ck_score CHECK (points >= 0)
);
CREATE INDEX ix_trends_score ON rankings (points);
CREATE TABLE votes (
    id INTEGER NOT NULL,
    ranking_id INTEGER NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_votes_trend FOREIGN KEY (ranking_id) REFERENCES rankings (rid)
);
CREATE VIEW top_trends AS SELECT rid, points FROM rankings WHERE points > 15;
`

func TestAutogenerateRenames(t *testing.T) {
	t.Parallel()
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			renameCycle(t, d)
		})
	}
}

func renameCycle(t *testing.T, d string) {
	db := testutil.New(t, d)
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "versions"), 0o755))
	cfg := filepath.Join(dir, "retort.toml")
	must(os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\nmodels = [\"schema.sql\"]\n"), 0o644))
	models := func(s string) { must(os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(s), 0o644)) }
	exec := func(args ...string) runOut {
		t.Helper()
		return run(t, Options{}, append([]string{"-c", cfg}, args...)...)
	}
	ok := func(args ...string) runOut {
		t.Helper()
		r := exec(args...)
		if r.code != 0 {
			t.Fatalf("retort %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.err)
		}
		return r
	}
	files := func() []string {
		m, _ := filepath.Glob(filepath.Join(dir, "versions", "*.sql"))
		return m
	}
	read := func(p string) string {
		b, err := os.ReadFile(p)
		must(err)
		return string(b)
	}
	col := func(q string) string { return strings.Join(db.Strings(t, q), ",") }
	wantRows := func(what, q, want string) {
		t.Helper()
		if got := col(q); got != want {
			t.Errorf("%s: %s = %q, want %q", what, q, got, want)
		}
	}

	models(renameV1)
	ok("revision", "--autogenerate", "-m", "first")
	ok("upgrade", "head")
	for _, q := range []string{"INSERT INTO trends (id, score, label) VALUES (1, 10, 'a'), (2, 20, 'b')",
		"INSERT INTO votes (id, trend_id) VALUES (1, 1), (2, 2), (3, 1)"} {
		_, err := db.DB.Exec(q)
		must(err)
	}

	// No flag, no TTY: never guess, never pass silently.
	models(renameV2Column)
	r := exec("check")
	if r.code != 1 || !strings.Contains(r.out, "likely rename") || !strings.Contains(r.out, "--rename trends.score=points") {
		t.Fatalf("check without --rename: exit %d, want 1 and the likely rename with its flag\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
	}
	ok("revision", "--autogenerate", "-m", "undeclared")
	fs := files()
	if len(fs) != 2 {
		t.Fatalf("%d files, want 2", len(fs))
	}
	var undeclared string
	for _, f := range fs {
		if strings.Contains(f, "undeclared") {
			undeclared = f
		}
	}
	if s := read(undeclared); !strings.Contains(s, "-- REVIEW: likely rename: column trends.score") || !strings.Contains(s, "--rename trends.score=points") {
		t.Fatalf("the undeclared rename has no review note naming the flag:\n%s", s)
	}
	must(os.Remove(undeclared))
	// On a terminal, retort asks; "n" keeps the drop and the add, "y" renames.
	for _, answer := range []string{"n\n", "y\n"} {
		ios, in, _, _ := term.Test()
		ios.InIsTTY = true
		in.WriteString(answer)
		r := run(t, Options{IO: ios}, "-c", cfg, "revision", "--autogenerate", "-m", "asked")
		if r.code != 0 || !strings.Contains(r.err, "Did you rename trends.score to trends.points? [y/N]") {
			t.Fatalf("revision on a terminal: exit %d, no question\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
		}
		for _, f := range files() {
			if !strings.Contains(f, "asked") {
				continue
			}
			s := read(f)
			renamed := strings.Contains(s, "RENAME COLUMN") && !strings.Contains(s, "likely rename")
			if renamed != (answer == "y\n") {
				t.Errorf("answer %q: renamed %v:\n%s", answer, renamed, s)
			}
			must(os.Remove(f))
		}
	}
	// With the flag, check reports a rename (still a difference).
	r = exec("check", "--rename", "trends.score=points")
	if r.code != 1 || !strings.Contains(r.out, "renamed column 'trends.score' to 'trends.points'") || strings.Contains(r.out, "likely rename") {
		t.Fatalf("check --rename: exit %d\nstdout: %s\nstderr: %s", r.code, r.out, r.err)
	}

	// Bad flags: exit 2, nothing written.
	models(renameV2)
	for _, bad := range [][]string{
		{"--rename", "nosuch=rankings"},
		{"--rename", "trends=nosuch"},
		{"--rename", "trends=rankings", "--rename", "rankings.nosuch=points"},
		{"--rename", "trends=rankings", "--rename", "rankings.score=nosuch"},
		{"--rename", "trends"},
		{"--rename", "a.b=c.d"},
		{"--rename", "trends=rankings", "--rename", "trends=others"},
	} {
		r := exec(append([]string{"revision", "--autogenerate", "-m", "bad"}, bad...)...)
		if r.code != 2 || !strings.Contains(r.err, "rename") || strings.Contains(r.err, "goroutine") {
			t.Errorf("revision %v: exit %d, want 2 and a message about the rename\nstderr: %s", bad, r.code, r.err)
		}
		if n := len(files()); n != 1 {
			t.Fatalf("revision %v wrote a file (%d files)", bad, n)
		}
	}

	renames := []string{"--rename", "trends=rankings", "--rename", "rankings.score=points", "--rename", "rankings.label=label_text",
		"--rename", "rankings.id=rid", "--rename", "votes.trend_id=ranking_id"}
	ok(append([]string{"revision", "--autogenerate", "-m", "renames"}, renames...)...)
	var rev string
	for _, f := range files() {
		if strings.Contains(f, "renames") {
			rev = read(f)
		}
	}
	up, _, _ := strings.Cut(rev, "-- +retort downgrade")
	if strings.Contains(up, "likely rename") {
		t.Errorf("declared renames still have a likely-rename note:\n%s", rev)
	}
	var stmts []string // the upgrade without comments
	for _, l := range strings.Split(up, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			stmts = append(stmts, l)
		}
	}
	// SQLite rebuilds rankings for the type change, with its index; the
	// other dialects alter in place.
	for _, no := range []string{"DROP COLUMN", "ADD COLUMN", "DROP INDEX", "FOREIGN_KEY_CHECKS", "DROP CONSTRAINT", "DROP FOREIGN KEY", "DROP CHECK"} {
		if strings.Contains(strings.ToUpper(strings.Join(stmts, "\n")), no) {
			t.Errorf("the upgrade has %q:\n%s", no, rev)
		}
	}
	if !strings.Contains(up, "RENAME TO") || !strings.Contains(up, "RENAME COLUMN") {
		t.Errorf("the upgrade does not rename:\n%s", rev)
	}
	ok("upgrade", "head")
	wantRows("after upgrade", "SELECT rid FROM rankings ORDER BY rid", "1,2")
	wantRows("after upgrade", "SELECT points FROM rankings ORDER BY rid", "10,20")
	wantRows("after upgrade", "SELECT label_text FROM rankings ORDER BY rid", "a,b")
	wantRows("after upgrade", "SELECT ranking_id FROM votes ORDER BY id", "1,2,1")
	wantRows("after upgrade", "SELECT points FROM top_trends", "20")
	if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
		t.Fatalf("check after the renames: %q", r.out)
	}
	// The check follows the renamed column and still holds.
	if _, err := db.DB.Exec("INSERT INTO rankings (rid, points, label_text) VALUES (3, -1, 'c')"); err == nil {
		t.Errorf("the check on the renamed column no longer holds")
	}
	wantRows("after the refused insert", "SELECT rid FROM rankings ORDER BY rid", "1,2")

	ok("downgrade", "-1")
	for _, f := range files() {
		if strings.Contains(f, "renames") {
			must(os.Remove(f))
		}
	}
	wantRows("after downgrade", "SELECT id FROM trends ORDER BY id", "1,2")
	wantRows("after downgrade", "SELECT score FROM trends ORDER BY id", "10,20")
	wantRows("after downgrade", "SELECT label FROM trends ORDER BY id", "a,b")
	wantRows("after downgrade", "SELECT trend_id FROM votes ORDER BY id", "1,2,1")
	wantRows("after downgrade", "SELECT score FROM top_trends", "20")
	models(renameV1)
	if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
		t.Fatalf("check after the downgrade: %q", r.out)
	}
}

// The same renames declared by hints in the models instead of flags; the
// hints stay in the models after the rename shipped and are then ignored
// with a notice.
func TestAutogenerateRenameHints(t *testing.T) {
	t.Parallel()
	sqlV2 := `CREATE TABLE rankings ( -- retort:renamed-from trends
    id INTEGER NOT NULL,
    points INTEGER NOT NULL, -- retort:renamed-from score
    label VARCHAR(50) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_score CHECK (points >= 0)
);
CREATE INDEX ix_trends_score ON rankings (points);
CREATE TABLE votes (
    id INTEGER NOT NULL,
    ranking_id INTEGER NOT NULL, -- retort:renamed-from trend_id
    PRIMARY KEY (id),
    CONSTRAINT fk_votes_trend FOREIGN KEY (ranking_id) REFERENCES rankings (id)
);
`
	goV1 := "package models\n\ntype Trend struct {\n\tID    int64 `db:\"id\" retort:\"pk\"`\n\tScore int64 `db:\"score\"`\n}\n"
	goV2 := "package models\n\ntype Trend struct {\n\tID     int64 `db:\"id\" retort:\"pk\"`\n\tPoints int64 `db:\"points\" retort:\"renamed_from:score\"`\n}\n"
	// A table renamed in Go models: //retort:renamed-from on the struct,
	// together with a column hint.
	goTableV2 := "package models\n\n//retort:table rankings\n//retort:renamed-from trends\ntype Ranking struct {\n\tID     int64 `db:\"id\" retort:\"pk\"`\n\tPoints int64 `db:\"points\" retort:\"renamed_from:score\"`\n}\n"
	gormV1 := "package models\n\ntype Trend struct {\n\tID    uint `gorm:\"primaryKey\"`\n\tScore int64\n}\n"
	gormV2 := "package models\n\ntype Trend struct {\n\tID     uint  `gorm:\"primaryKey\"`\n\tPoints int64 `retort:\"renamed_from:score\"`\n}\n"
	for _, d := range testutil.Dialects() {
		t.Run("sql/"+d, func(t *testing.T) {
			t.Parallel()
			hintCycle(t, d, "schema.sql", renameV1, sqlV2, []string{
				"INSERT INTO trends (id, score, label) VALUES (1, 10, 'a'), (2, 20, 'b')",
				"INSERT INTO votes (id, trend_id) VALUES (1, 1), (2, 2), (3, 1)"},
				map[string]string{
					"SELECT points FROM rankings ORDER BY id":  "10,20",
					"SELECT ranking_id FROM votes ORDER BY id": "1,2,1"},
				map[string]string{
					"SELECT score FROM trends ORDER BY id":   "10,20",
					"SELECT trend_id FROM votes ORDER BY id": "1,2,1"})
		})
		t.Run("gorm/"+d, func(t *testing.T) {
			t.Parallel()
			hintCycle(t, d, "models/models.go", gormV1, gormV2, []string{"INSERT INTO trends (id, score) VALUES (1, 10), (2, 20)"},
				map[string]string{"SELECT points FROM trends ORDER BY id": "10,20"},
				map[string]string{"SELECT score FROM trends ORDER BY id": "10,20"})
		})
		t.Run("go-table/"+d, func(t *testing.T) {
			t.Parallel()
			hintCycle(t, d, "models/models.go", goV1, goTableV2, []string{"INSERT INTO trends (id, score) VALUES (1, 10), (2, 20)"},
				map[string]string{"SELECT points FROM rankings ORDER BY id": "10,20"},
				map[string]string{"SELECT score FROM trends ORDER BY id": "10,20"})
		})
		t.Run("go/"+d, func(t *testing.T) {
			t.Parallel()
			hintCycle(t, d, "models/models.go", goV1, goV2, []string{"INSERT INTO trends (id, score) VALUES (1, 10), (2, 20)"},
				map[string]string{"SELECT points FROM trends ORDER BY id": "10,20"},
				map[string]string{"SELECT score FROM trends ORDER BY id": "10,20"})
		})
	}
}

func hintCycle(t *testing.T, d, file, v1, v2 string, seed []string, after, before map[string]string) {
	db := testutil.New(t, d)
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	models := filepath.Dir(file)
	if models == "." {
		models = file
	}
	must(os.MkdirAll(filepath.Join(dir, "versions"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, filepath.Dir(file)), 0o755))
	cfg := filepath.Join(dir, "retort.toml")
	must(os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\nmodels = [\""+models+"\"]\n"), 0o644))
	write := func(s string) { must(os.WriteFile(filepath.Join(dir, file), []byte(s), 0o644)) }
	ok := func(args ...string) runOut {
		t.Helper()
		r := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
		if r.code != 0 {
			t.Fatalf("retort %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.err)
		}
		return r
	}
	rows := func(what string, want map[string]string) {
		t.Helper()
		for q, w := range want {
			if got := strings.Join(db.Strings(t, q), ","); got != w {
				t.Errorf("%s: %s = %q, want %q", what, q, got, w)
			}
		}
	}
	write(v1)
	ok("revision", "--autogenerate", "-m", "first")
	ok("upgrade", "head")
	for _, q := range seed {
		_, err := db.DB.Exec(q)
		must(err)
	}
	write(v2)
	ok("revision", "--autogenerate", "-m", "hinted")
	ok("upgrade", "head")
	rows("after upgrade", after)
	if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
		t.Fatalf("check after the hinted renames: %q", r.out)
	}
	// The hints stay: the renames have shipped, so they are ignored, with a notice.
	r := ok("revision", "--autogenerate", "-m", "again")
	if !strings.Contains(r.out+r.err, "renamed-from hint ignored") || !strings.Contains(r.out+r.err, "No changes in schema detected") {
		t.Errorf("a shipped hint must be ignored with a notice:\nstdout: %s\nstderr: %s", r.out, r.err)
	}
	ok("downgrade", "-1")
	rows("after downgrade", before)
}

// A renamed table whose key the database numbers (PostgreSQL SERIAL with
// its owned sequence, MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT) keeps
// numbering after the rows it has, in both directions.
func TestAutogenerateRenameKeepsNumbering(t *testing.T) {
	t.Parallel()
	key := map[string]string{
		testutil.Postgres: "SERIAL PRIMARY KEY",
		testutil.MySQL:    "INTEGER NOT NULL AUTO_INCREMENT PRIMARY KEY",
		testutil.SQLite:   "INTEGER PRIMARY KEY AUTOINCREMENT",
	}
	for _, d := range testutil.Dialects() {
		t.Run(d, func(t *testing.T) {
			t.Parallel()
			db := testutil.New(t, d)
			dir := t.TempDir()
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			must(os.MkdirAll(filepath.Join(dir, "versions"), 0o755))
			cfg := filepath.Join(dir, "retort.toml")
			must(os.WriteFile(cfg, []byte("url = \""+db.URL+"\"\nmodels = [\"schema.sql\"]\n"), 0o644))
			models := func(s string) { must(os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(s), 0o644)) }
			ok := func(args ...string) runOut {
				t.Helper()
				r := run(t, Options{}, append([]string{"-c", cfg}, args...)...)
				if r.code != 0 {
					t.Fatalf("retort %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.out, r.err)
				}
				return r
			}
			exec := func(q string) {
				t.Helper()
				_, err := db.DB.Exec(q)
				must(err)
			}
			models("CREATE TABLE trends (id " + key[d] + ", score INTEGER);\n")
			ok("revision", "--autogenerate", "-m", "first")
			ok("upgrade", "head")
			exec("INSERT INTO trends (score) VALUES (10)")
			exec("INSERT INTO trends (score) VALUES (20)")
			models("CREATE TABLE rankings (rid " + key[d] + ", score INTEGER);\n")
			ok("revision", "--autogenerate", "-m", "renamed", "--rename", "trends=rankings", "--rename", "rankings.id=rid")
			ok("upgrade", "head")
			if r := ok("check"); strings.TrimSpace(r.out) != "No new upgrade operations detected." {
				t.Fatalf("check after the rename: %q", r.out)
			}
			exec("INSERT INTO rankings (score) VALUES (30)")
			if got := strings.Join(db.Strings(t, "SELECT rid FROM rankings ORDER BY rid"), ","); got != "1,2,3" {
				t.Errorf("keys after the rename: %s, want 1,2,3", got)
			}
			ok("downgrade", "-1")
			exec("INSERT INTO trends (score) VALUES (40)")
			if got := strings.Join(db.Strings(t, "SELECT id FROM trends ORDER BY id"), ","); got != "1,2,3,4" {
				t.Errorf("keys after the downgrade: %s, want 1,2,3,4", got)
			}
		})
	}
}
