package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/testutil"
)

// TestMain lets the test binary act as `retort`: testscript runs scripts
// whose `retort …` lines execute Run in a child process of this binary.
// The tests' caches go to a temporary folder, never the user's.
func TestMain(m *testing.M) {
	testscript.Main(tempCacheM{m}, map[string]func(){
		"retort": runGuarded,
	})
}

// tempCacheM runs the tests with XDG_CACHE_HOME (os.UserCacheDir) in a
// temporary folder removed after them.
type tempCacheM struct{ m *testing.M }

func (c tempCacheM) Run() int {
	dir, err := os.MkdirTemp("", "retort-cli-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if err := os.Setenv("XDG_CACHE_HOME", dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return c.m.Run()
}

// runGuarded runs retort as a script command and fails the command (exit
// 99) when its output shows a path holding the script's work directory twice
// (".../migrations//abs/.../migrations/versions/x.sql"): every message that
// names a file must name it once, whatever the script checks.
func runGuarded() {
	var out, errOut bytes.Buffer
	code := Run(context.Background(), os.Args[1:], Options{IO: PlainStreams(os.Stdin, &out, &errOut)})
	os.Stdout.Write(out.Bytes())
	os.Stderr.Write(errOut.Bytes())
	if work := os.Getenv("WORK"); work != "" {
		for _, text := range []string{out.String(), errOut.String()} {
			if w := doubledPath(text, work); w != "" {
				fmt.Fprintf(os.Stderr, "TEST GUARD: a path names the work directory twice: %s\n", w)
				os.Exit(99)
			}
		}
	}
	os.Exit(code)
}

// doubledPath returns the first word of text in which dir occurs twice
// ("" when none does).
func doubledPath(text, dir string) string {
	for _, w := range strings.Fields(text) {
		if i := strings.Index(w, dir); i >= 0 && strings.Contains(w[i+len(dir):], dir) {
			return w
		}
	}
	return ""
}

type tKey struct{}

// TestScripts runs the end-to-end command line scripts in testdata/script.
// `go test -update` rewrites the expected files of failing cmp lines.
//
// Extra script commands:
//
//	dbnew DIALECT      fresh database (sqlite, postgres, mysql); sets $DATABASE_URL
//	dbquery SQL        prints the rows of a query on $DATABASE_URL, columns joined by "|"
//	dbexec SQL         runs a statement on $DATABASE_URL
//	tree DIR           prints every file under DIR with a hash of its bytes
//	exitcode N CMD …   runs CMD and fails unless it exits with status N
func TestScripts(t *testing.T) {
	t.Parallel()
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Values[tKey{}] = env.T()
			env.Setenv("NO_COLOR", "1")
			// Scripts run with HOME=/no-home: keep the caches in this run's.
			env.Setenv("XDG_CACHE_HOME", os.Getenv("XDG_CACHE_HOME"))
			env.Setenv("EDITOR", "")
			env.Setenv("VISUAL", "")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"dbnew":    cmdDBNew,
			"dbquery":  cmdDBQuery,
			"dbexec":   cmdDBExec,
			"tree":     cmdTree,
			"exitcode": cmdExitCode,
		},
	})
}

func cmdDBNew(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: dbnew sqlite|postgres|mysql")
	}
	t, ok := ts.Value(tKey{}).(testing.TB)
	if !ok {
		ts.Fatalf("dbnew: no testing.TB")
	}
	db := testutil.New(t, args[0])
	ts.Setenv("DATABASE_URL", db.URL)
	ts.Setenv("DB_DIALECT", db.Dialect)
}

func openScriptDB(ts *testscript.TestScript) *sql.DB {
	u := ts.Getenv("DATABASE_URL")
	if u == "" {
		ts.Fatalf("no $DATABASE_URL: run dbnew first")
	}
	dsn, err := config.ParseURL(u)
	ts.Check(err)
	db, err := sql.Open(dsn.DriverName, dsn.DataSource)
	ts.Check(err)
	return db
}

func cmdDBQuery(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: dbquery SQL")
	}
	db := openScriptDB(ts)
	defer db.Close()
	rows, err := db.Query(args[0])
	if neg {
		if err == nil {
			rows.Close()
			ts.Fatalf("query succeeded unexpectedly")
		}
		return
	}
	ts.Check(err)
	defer rows.Close()
	cols, err := rows.Columns()
	ts.Check(err)
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		ts.Check(rows.Scan(ptrs...))
		out := make([]string, len(cols))
		for i, v := range vals {
			out[i] = v.String
			if !v.Valid {
				out[i] = "NULL"
			}
		}
		fmt.Fprintln(ts.Stdout(), strings.Join(out, "|"))
	}
	ts.Check(rows.Err())
}

func cmdDBExec(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: dbexec SQL")
	}
	db := openScriptDB(ts)
	defer db.Close()
	_, err := db.Exec(args[0])
	if neg != (err != nil) {
		ts.Fatalf("dbexec %q: %v", args[0], err)
	}
}

func cmdTree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: tree DIR")
	}
	root := ts.MkAbs(args[0])
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			lines = append(lines, filepath.ToSlash(rel)+"/")
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		lines = append(lines, filepath.ToSlash(rel)+" "+hex.EncodeToString(sum[:6]))
		return nil
	})
	ts.Check(err)
	sort.Strings(lines)
	fmt.Fprintln(ts.Stdout(), strings.Join(lines, "\n"))
}
