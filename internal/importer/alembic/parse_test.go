package alembic

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/internal/script"
)

func TestLexStrings(t *testing.T) {
	t.Parallel()
	cases := []struct {
		src, want string
		f, b      bool
	}{
		{`'a'`, "a", false, false},
		{`"it's"`, "it's", false, false},
		{`'a\'b'`, "a'b", false, false},
		{`'tab\there'`, "tab\there", false, false},
		{`r'\d+'`, `\d+`, false, false},
		{`R"\n"`, `\n`, false, false},
		{`b'x'`, "x", false, true},
		{`f'{x}'`, "{x}", true, false},
		{`rb'\x'`, `\x`, false, true},
		{"'''one\ntwo'''", "one\ntwo", false, false},
		{`"""say "hi" """`, `say "hi" `, false, false},
		{`'\x41\u00e9\101'`, "Aé" + "A", false, false},
		{`'a' 'b'`, "ab", false, false},
	}
	for _, c := range cases {
		stmts, err := parseModule(c.src + "\n")
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if len(stmts) != 1 || stmts[0].kind != sExpr {
			t.Errorf("%s: parsed %+v", c.src, stmts)
			continue
		}
		s, ok := stmts[0].expr.(*eStr)
		if !ok || s.Value != c.want || s.F != c.f || s.B != c.b {
			t.Errorf("%s: got %#v, want %q f=%v b=%v", c.src, stmts[0].expr, c.want, c.f, c.b)
		}
	}
}

func TestParseStatements(t *testing.T) {
	t.Parallel()
	src := `"""doc"""
import sqlalchemy as sa
revision: str = "abc"
down_revision: Union[str, None] = ("x", "y")

def upgrade() -> None:
    # a comment
    op.create_table("t",
        sa.Column("id", sa.Integer(), \
                  primary_key=True),
    )
    with op.batch_alter_table("t") as b:
        b.add_column(sa.Column("x", sa.String(5)))
    for i in range(3):
        op.execute("SELECT %d" % i)
    x = 1; y = 2
    if x:
        pass
    else:
        op.drop_table("t")

def downgrade(): pass
`
	stmts, err := parseModule(src)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []stmtKind
	for _, s := range stmts {
		kinds = append(kinds, s.kind)
	}
	want := []stmtKind{sExpr, sImport, sAssign, sAssign, sDef, sDef}
	if len(kinds) != len(want) {
		t.Fatalf("module statements %v, want %v", kinds, want)
	}
	up := stmts[4]
	type line struct {
		kind      stmtKind
		from, to  int
		reasonHas string
	}
	wantBody := []line{
		{sExpr, 8, 11, ""},
		{sWith, 12, 13, ""},
		{sOther, 14, 15, "for"},
		{sOther, 16, 16, "several statements"},
		{sIf, 17, 20, ""},
	}
	if len(up.body) != len(wantBody) {
		t.Fatalf("upgrade body has %d statements, want %d: %+v", len(up.body), len(wantBody), up.body)
	}
	for i, w := range wantBody {
		g := up.body[i]
		if g.kind != w.kind || g.line != w.from || g.endLine != w.to || !strings.Contains(g.reason, w.reasonHas) {
			t.Errorf("statement %d: kind %d lines %d-%d reason %q; want kind %d lines %d-%d reason with %q",
				i, g.kind, g.line, g.endLine, g.reason, w.kind, w.from, w.to, w.reasonHas)
		}
	}
	if d := stmts[5]; d.target != "downgrade" || len(d.body) != 1 || d.body[0].kind != sPass {
		t.Errorf("downgrade: %+v", d)
	}
}

func TestReadModuleHeader(t *testing.T) {
	t.Parallel()
	src := `"""Add a thing
over two lines

Revision ID: 1f2e
Revises: a, b
Create Date: 2020-02-03 04:05:06.000007+00:00

"""
revision = '1f2e'
down_revision = ('a', 'b')
branch_labels = 'lbl'
depends_on: Union[str, Sequence[str], None] = ['c']
`
	m, err := readModule("x.py", src)
	if err != nil {
		t.Fatal(err)
	}
	if m.id != "1f2e" || strings.Join(m.parents, ",") != "a,b" || strings.Join(m.labels, ",") != "lbl" ||
		strings.Join(m.dependsOn, ",") != "c" || m.message != "Add a thing\nover two lines" {
		t.Errorf("read %+v", m)
	}
	if want := time.Date(2020, 2, 3, 4, 5, 6, 7000, time.UTC); !m.created.Equal(want) {
		t.Errorf("create date %v, want %v", m.created, want)
	}
	if m, err := readModule("bom.py", "\ufeff# -*- coding: utf-8 -*-\r\nrevision = 'b'\r\ndown_revision = None\r\n"); err != nil || m.id != "b" {
		t.Errorf("a file with a byte order mark and CRLF lines: %v", err)
	}
	for _, bad := range []string{
		"down_revision = None\n",                  // no revision
		"revision = 'x'\n",                        // no down_revision
		"revision = f'x'\ndown_revision = None\n", // not a literal
		"revision = 'x'\ndown_revision = 3\n",
	} {
		if _, err := readModule("bad.py", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestManualBlocks: Python logic becomes marked blocks quoting the source
// with file:line, listed in the report; what is around them is still
// translated, in order.
func TestManualBlocks(t *testing.T) {
	t.Parallel()
	d, err := registry.Lookup("postgres")
	if err != nil {
		t.Fatal(err)
	}
	revs, rep, err := Import(context.Background(), "testdata/manual", Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Revisions != 2 || rep.Translated != 1 {
		t.Errorf("report: %d revisions, %d translated; want 2, 1", rep.Revisions, rep.Translated)
	}
	var data importer.Revision
	for _, r := range revs {
		if r.File.ID == "0002" {
			data = r
		}
	}
	file := filepath.Join("testdata", "manual", "versions", "0002_data.py")
	want := []struct{ pos, reasonHas, textHas string }{
		// Statements left one after the other make one block; bind =
		// op.get_bind() only names a value, so it is not one of them.
		{file + ":19", "a Python variable; a Python for statement; a name that is not a string literal (Python logic)",
			"session = Session(bind=bind)\n    for row in session.execute(sa.text(\"SELECT id, name FROM item\")):\n" +
				"        session.execute(\n            sa.text(\"UPDATE item SET slug = :s WHERE id = :i\"), {\"s\": row.name.lower(), \"i\": row.id}\n        )\n" +
				"    name = f\"ix_item_{'slug'}\"\n    op.create_index(name, \"item\", [\"slug\"])"},
	}
	if len(data.Manual) != len(want) || len(rep.Manual) != len(want) {
		t.Fatalf("manual blocks %+v, want %d", data.Manual, len(want))
	}
	for i, w := range want {
		m := data.Manual[i]
		if !strings.HasSuffix(m.Pos, w.pos) || !strings.Contains(m.Reason, w.reasonHas) || !strings.Contains(m.Text, w.textHas) || m.Section != "upgrade" {
			t.Errorf("block %d: %+v; want %s, reason with %q, text with %q", i, m, w.pos, w.reasonHas, w.textHas)
		}
	}
	up := data.File.Upgrade
	add := strings.Index(up, "ALTER TABLE item ADD COLUMN slug")
	block := strings.Index(up, importer.ManualMarker)
	if add < 0 || block < add {
		t.Errorf("the add_column before the Python is not translated first:\n%s", up)
	}
	if !strings.Contains(up, "--       for row in session.execute") {
		t.Errorf("the loop is not quoted:\n%s", up)
	}
	if strings.Contains(data.File.Downgrade, importer.ManualMarker) {
		t.Errorf("the downgrade is plain op calls, yet has a manual block:\n%s", data.File.Downgrade)
	}
	if !strings.Contains(string(script.Render(data.File)), "-- +retort upgrade\nALTER TABLE item ADD COLUMN slug VARCHAR(60);\n\n"+importer.ManualMarker+"\n") {
		t.Errorf("the written file does not hold the block in its upgrade section:\n%s", script.Render(data.File))
	}
}

// TestImportErrors: a bad path or a broken history fails with a message
// that says what to do, and no revisions.
func TestImportErrors(t *testing.T) {
	t.Parallel()
	d, err := registry.Lookup("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	write := func(files map[string]string) string {
		dir := t.TempDir()
		for n, s := range files {
			if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	cases := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(t.TempDir(), "nope"), "give the Alembic versions folder"},
		{"empty", t.TempDir(), "no revision scripts"},
		{"missing parent", write(map[string]string{"a.py": "revision = 'a'\ndown_revision = 'zz'\n"}), "down_revision zz is not among"},
		{"duplicate", write(map[string]string{"a.py": "revision = 'a'\ndown_revision = None\n", "b.py": "revision = 'a'\ndown_revision = None\n"}), "is in both"},
		{"cycle", write(map[string]string{"a.py": "revision = 'a'\ndown_revision = 'b'\n", "b.py": "revision = 'b'\ndown_revision = 'a'\n"}), "cycle"},
		{"unterminated", write(map[string]string{"a.py": "revision = 'a\ndown_revision = None\n"}), "never ends"},
		{"bad depends_on", write(map[string]string{"a.py": "revision = 'a'\ndown_revision = None\ndepends_on = 'q'\n"}), "depends_on q names no revision"},
		{"ini without script_location", write(map[string]string{"alembic.ini": "[alembic]\nsqlalchemy.url = x\n"}), "no script_location"},
	}
	for _, c := range cases {
		revs, _, err := Import(context.Background(), c.path, Options{Dialect: d})
		if err == nil || !strings.Contains(err.Error(), c.want) || revs != nil {
			t.Errorf("%s: err %v (revisions %d); want an error with %q", c.name, err, len(revs), c.want)
		}
	}
}

// TestIniVersionLocations: alembic.ini's script_location with %(here)s and
// version_locations are followed.
func TestIniVersionLocations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		"alembic.ini": "[alembic]\nscript_location = %(here)s/mig\nversion_locations = %(here)s/a b\n",
		"a/one.py":    "revision = 'one'\ndown_revision = None\n",
		"b/two.py":    "revision = 'two'\ndown_revision = 'one'\n",
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := registry.Lookup("sqlite")
	// recursive_version_locations reads the folders under them too.
	rec := t.TempDir()
	if err := os.MkdirAll(filepath.Join(rec, "versions", "2024", "__pycache__"), 0o755); err != nil {
		t.Fatal(err)
	}
	for n, s := range map[string]string{
		"alembic.ini":                    "[alembic]\nscript_location = .\nrecursive_version_locations = true\n",
		"versions/one.py":                "revision = 'one'\ndown_revision = None\n",
		"versions/2024/two.py":           "revision = 'two'\ndown_revision = 'one'\n",
		"versions/2024/__pycache__/x.py": "not python at all '",
	} {
		if err := os.WriteFile(filepath.Join(rec, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if revs, _, err := Import(context.Background(), rec, Options{Dialect: d}); err != nil || len(revs) != 2 {
		t.Errorf("recursive: %d revisions, %v", len(revs), err)
	}
	for _, p := range []string{dir, filepath.Join(dir, "alembic.ini")} {
		revs, _, err := Import(context.Background(), p, Options{Dialect: d})
		if err != nil {
			t.Fatal(err)
		}
		if len(revs) != 2 || revs[0].File.ID != "one" || revs[1].File.ID != "two" {
			t.Errorf("%s: imported %+v", p, revs)
		}
	}
}

// FuzzParse: no input makes the tokenizer, parser or module reader panic,
// and a statement's lines are always inside the file.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"shop", "labels", "manual", "server", "pgtypes"} {
		paths, _ := filepath.Glob(filepath.Join("testdata", dir, "versions", "*.py"))
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add("def f(:\n  (]\n")
	f.Add("'''")
	f.Add("x = (\n")
	f.Add("\tdef f():\n  pass\n pass\n")
	f.Add("a = b'\\")
	f.Fuzz(func(t *testing.T, src string) {
		stmts, err := parseModule(src)
		if err != nil {
			return
		}
		n := strings.Count(src, "\n") + 2
		var check func([]stmt)
		check = func(ss []stmt) {
			for _, s := range ss {
				if s.line < 0 || s.endLine > n || (s.endLine != 0 && s.endLine < s.line) {
					t.Fatalf("statement lines %d-%d outside 1-%d", s.line, s.endLine, n)
				}
				check(s.body)
			}
		}
		check(stmts)
		if m, err := readModule("f.py", src); err == nil && m.upgrade != nil {
			d, _ := registry.Lookup("sqlite")
			tr, err := newTranslator(d, newState(), new(int), m, "upgrade")
			if err != nil {
				t.Fatal(err)
			}
			tr.section(m.upgrade.body)
		}
	})
}

// TestResolveBudget: constants that name each other twice over at every
// level do not make a translation take exponential time.
func TestResolveBudget(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("revision = 'x'\ndown_revision = None\nc0 = 'users'\n")
	for i := 1; i < 40; i++ {
		fmt.Fprintf(&b, "c%d = (c%d, c%d)\n", i, i-1, i-1)
	}
	b.WriteString("\ndef upgrade():\n    op.drop_table(c39)\n    op.drop_table(c0)\n")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.py"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	d, _ := registry.Lookup("postgres")
	revs, rep, err := Import(context.Background(), dir, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Manual) != 1 || !strings.Contains(revs[0].File.Upgrade, "DROP TABLE users") {
		t.Errorf("blocks %+v; upgrade:\n%s", rep.Manual, revs[0].File.Upgrade)
	}
}

// TestSQLiteAddColumnNote: on SQLite an add_column outside a batch block
// leaves the column's foreign key out, as Alembic does, and the report
// says so.
func TestSQLiteAddColumnNote(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "revision = 'a'\ndown_revision = None\n\ndef upgrade():\n" +
		"    op.create_table('p', sa.Column('id', sa.Integer, primary_key=True))\n" +
		"    op.add_column('p', sa.Column('q', sa.Integer, sa.ForeignKey('p.id')))\n"
	if err := os.WriteFile(filepath.Join(dir, "a.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dialect string
		notes   int
		fk      bool
	}{{"sqlite", 1, false}, {"postgres", 0, true}} {
		d, _ := registry.Lookup(c.dialect)
		revs, rep, err := Import(context.Background(), dir, Options{Dialect: d})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Notes) != c.notes || c.notes > 0 && !strings.Contains(rep.Notes[0], "a.py:6: add_column of p.q") {
			t.Errorf("%s: notes %q", c.dialect, rep.Notes)
		}
		if fk := strings.Contains(revs[0].File.Upgrade, "FOREIGN KEY"); fk != c.fk {
			t.Errorf("%s: foreign key written %v:\n%s", c.dialect, fk, revs[0].File.Upgrade)
		}
	}
}

// TestDialectIf: an if on the database's dialect name takes the target's
// branch; any other if is left for a person whole.
func TestDialectIf(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := "revision = 'a'\ndown_revision = None\n\ndef upgrade():\n" +
		"    bind = op.get_bind()\n" +
		"    if bind.dialect.name == 'postgresql':\n        op.execute('SELECT 1')\n" +
		"    elif op.get_context().dialect.name in ('mysql', 'mariadb'):\n        op.execute('SELECT 2')\n" +
		"    else:\n        op.execute('SELECT 3')\n" +
		"    if bind.dialect.name != 'sqlite':\n        op.execute('SELECT 4')\n" +
		"    if some_flag:\n        op.execute('SELECT 5')\n"
	if err := os.WriteFile(filepath.Join(dir, "a.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for dia, want := range map[string]string{"postgres": "SELECT 1;\n\nSELECT 4;", "mysql": "SELECT 2;\n\nSELECT 4;", "sqlite": "SELECT 3;"} {
		d, _ := registry.Lookup(dia)
		revs, rep, err := Import(context.Background(), dir, Options{Dialect: d})
		if err != nil {
			t.Fatal(err)
		}
		up := revs[0].File.Upgrade
		if !strings.HasPrefix(up, want+"\n\n"+importer.ManualMarker) || len(rep.Manual) != 1 || !strings.Contains(rep.Manual[0].Text, "if some_flag:") {
			t.Errorf("%s: upgrade\n%s\nblocks %+v", dia, up, rep.Manual)
		}
	}
}
