package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/testutil"
)

// step is one thing the tutorial tells the reader to do: run a command
// (with the output it shows), or edit a file with the block that follows a
// "<!-- tutorial-test: NAME -->" marker.
type step struct {
	line    int
	command string   // "$ " line without the prompt
	output  []string // lines the tutorial shows after the command
	edit    string   // marker name
	body    string   // the edit's block
}

// tutorialSteps reads docs/tutorial.md in order.
func tutorialSteps(t *testing.T) []step {
	t.Helper()
	data, err := os.ReadFile("../../docs/tutorial.md")
	if err != nil {
		t.Fatal(err)
	}
	var steps []step
	sc := bufio.NewScanner(bytes.NewReader(data))
	n, inBlock, pendingEdit := 0, false, ""
	cmdInBlock := false // the block's last "$" line is the latest step
	var body strings.Builder
	for sc.Scan() {
		n++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "<!-- tutorial-test: "):
			pendingEdit = strings.TrimSuffix(strings.TrimPrefix(l, "<!-- tutorial-test: "), " -->")
		case strings.HasPrefix(l, "```") && !inBlock:
			inBlock, cmdInBlock = true, false
			body.Reset()
		case strings.HasPrefix(l, "```") && inBlock:
			inBlock = false
			if pendingEdit != "" {
				steps = append(steps, step{line: n, edit: pendingEdit, body: body.String()})
				pendingEdit = ""
			}
		case inBlock && pendingEdit != "":
			body.WriteString(l + "\n")
		case inBlock && strings.HasPrefix(l, "$ "):
			steps = append(steps, step{line: n, command: strings.TrimPrefix(l, "$ ")})
			cmdInBlock = true
		case inBlock && cmdInBlock:
			steps[len(steps)-1].output = append(steps[len(steps)-1].output, l)
		}
	}
	return steps
}

var duration = regexp.MustCompile(`\([0-9.]+ m?s\)`)

// The whole tutorial, followed word for word on a copy of the example: on
// SQLite, then on PostgreSQL with one changed URL.
func TestTutorial(t *testing.T) {
	t.Parallel()
	pg := testutil.New(t, testutil.Postgres)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	// `go run ./migrations` is `go build` then run: build it once.
	tmp := t.TempDir()
	migrationsBin := filepath.Join(tmp, "orion-migrations")
	build := exec.Command("go", "build", "-o", migrationsBin, "./examples/orion/migrations")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build examples/orion/migrations: %v\n%s", err, out)
	}
	work := filepath.Join(tmp, "repo")
	if out, err := exec.Command("mkdir", "-p", filepath.Join(work, "examples")).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if out, err := exec.Command("cp", "-r", filepath.Join(root, "examples", "orion"), filepath.Join(work, "examples")).CombinedOutput(); err != nil {
		t.Fatalf("copy the example: %v: %s", err, out)
	}
	os.Remove(filepath.Join(work, "examples", "orion", "orion.db"))

	dir := work
	env := append(os.Environ(), "NO_COLOR=1", "RETORT_DATABASE_URL=", "DATABASE_URL=", "DATABASE_URL_SYNC=")
	steps := tutorialSteps(t)
	if len(steps) < 15 {
		t.Fatalf("read only %d steps from docs/tutorial.md", len(steps))
	}
	for _, s := range steps {
		where := fmt.Sprintf("docs/tutorial.md:%d", s.line)
		if s.edit != "" {
			edit(t, dir, s, where)
			continue
		}
		cmd := s.command
		wantFail := strings.HasSuffix(cmd, " --fails")
		cmd = strings.TrimSuffix(cmd, " --fails")
		args := splitArgs(t, cmd, where)
		var c *exec.Cmd
		switch {
		case cmd == "CGO_ENABLED=0 go install ./cmd/retort":
			continue // TestMain built the binary
		case args[0] == "cd":
			dir = filepath.Join(dir, args[1])
			continue
		case args[0] == "createdb":
			continue // the test's own PostgreSQL database stands in
		case args[0] == "export":
			k, v, _ := strings.Cut(args[1], "=")
			if k == "DATABASE_URL" && strings.Contains(v, "postgres") {
				// Same URL form, pointed at this test's database.
				v = v[:strings.LastIndex(v, "/")+1] + pg.Name
			}
			env = append(env, k+"="+v)
			continue
		case args[0] == "retort":
			c = exec.Command(retortBin, args[1:]...)
		case len(args) > 2 && args[0] == "go" && args[1] == "run" && args[2] == "./migrations":
			c = exec.Command(migrationsBin, args[3:]...)
		default:
			t.Fatalf("%s: the test does not know how to run %q", where, cmd)
		}
		c.Dir, c.Env = dir, env
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		err := c.Run()
		if wantFail != (err != nil) {
			t.Fatalf("%s: %s: exit error %v (want failure: %v)\n%s", where, cmd, err, wantFail, out.String())
		}
		got := duration.ReplaceAllString(out.String(), "(D)")
		for _, want := range s.output {
			if want == "" || strings.Contains(want, "…") || strings.HasPrefix(strings.TrimSpace(want), "Create Date:") {
				continue // elided or varying
			}
			if !strings.Contains(got, duration.ReplaceAllString(want, "(D)")) {
				t.Errorf("%s: %s: output lacks %q; got:\n%s", where, cmd, want, out.String())
			}
		}
	}
	// The PostgreSQL part really ran there: five revisions up, then all down.
	var ups, rows int
	if err := pg.DB.QueryRow("SELECT count(*) FROM retort_history WHERE direction = 'upgrade' AND success").Scan(&ups); err != nil {
		t.Fatal(err)
	}
	if err := pg.DB.QueryRow("SELECT count(*) FROM alembic_version").Scan(&rows); err != nil {
		t.Fatal(err)
	}
	if ups != 5 || rows != 0 {
		t.Fatalf("on PostgreSQL: %d successful upgrade steps and %d version rows; want 5 and 0", ups, rows)
	}
}

func splitArgs(t *testing.T, cmd, where string) []string {
	t.Helper()
	var args []string
	var cur strings.Builder
	inQuote, has := false, false
	for _, r := range cmd {
		switch {
		case r == '"':
			inQuote, has = !inQuote, true
		case r == ' ' && !inQuote:
			if has {
				args = append(args, cur.String())
				cur.Reset()
				has = false
			}
		default:
			cur.WriteRune(r)
			has = true
		}
	}
	if inQuote {
		t.Fatalf("%s: unbalanced quote in %q", where, cmd)
	}
	if has {
		args = append(args, cur.String())
	}
	return args
}

// edit performs the tutorial's file edits.
func edit(t *testing.T, dir string, s step, where string) {
	t.Helper()
	switch s.edit {
	case "add-platform":
		write(t, filepath.Join(dir, "internal", "models", "platform.go"), s.body)
	case "write-platforms":
		files, _ := filepath.Glob(filepath.Join(dir, "migrations", "versions", "*_add_the_publishing_platforms.sql"))
		if len(files) != 1 {
			t.Fatalf("%s: want one new revision file to edit, found %v", where, files)
		}
		data, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		header, _, ok := strings.Cut(string(data), "-- +retort upgrade")
		if !ok {
			t.Fatalf("%s: %s has no upgrade marker", where, files[0])
		}
		write(t, files[0], header+s.body)
	default:
		t.Fatalf("%s: unknown tutorial edit %q", where, s.edit)
	}
}
