package alembic

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort/internal/importer"
	"github.com/retortdb/retort/internal/script"
)

// renderPy runs each revision's upgrade() and downgrade() under Alembic's
// offline mode (as_sql) for one SQLAlchemy dialect, without a database and
// without the project's env.py (which usually imports the application):
// a MigrationContext of its own, Operations bound to it, the module's
// functions called directly. So the SQL is what Alembic would emit, minus
// its version-table bookkeeping. It prints a JSON object: id → {upgrade,
// downgrade, upgrade_error, downgrade_error}.
const renderPy = `
import io, json, sys, traceback
from alembic.script import ScriptDirectory
from alembic.runtime.migration import MigrationContext
from alembic.operations import Operations

args = json.loads(sys.argv[1])
sd = ScriptDirectory(args["dir"], version_locations=args["versions"])
out = {}
for rev in args["ids"]:
    res = {}
    try:
        mod = sd.get_revision(rev).module
    except Exception as e:
        res["upgrade_error"] = res["downgrade_error"] = "the script does not load: %s: %s" % (type(e).__name__, e)
        out[rev] = res
        continue
    for fn in ("upgrade", "downgrade"):
        buf = io.StringIO()
        try:
            ctx = MigrationContext.configure(dialect_name=args["dialect"], opts={"as_sql": True, "output_buffer": buf, "literal_binds": True})
            with Operations.context(ctx):
                getattr(mod, fn)()
            res[fn] = buf.getvalue()
        except Exception as e:
            res[fn + "_error"] = "%s: %s" % (type(e).__name__, str(e).strip().splitlines()[0] if str(e).strip() else "")
    out[rev] = res
json.dump(out, sys.stdout)
`

type rendered struct {
	Upgrade        string `json:"upgrade"`
	Downgrade      string `json:"downgrade"`
	UpgradeError   string `json:"upgrade_error"`
	DowngradeError string `json:"downgrade_error"`
}

// viaAlembic renders every revision with Alembic itself.
func viaAlembic(ctx context.Context, order []*module, opts Options) ([]importer.Revision, importer.Report, error) {
	rep := importer.Report{Format: "alembic"}
	n, ok := opts.Dialect.(sqlaNamer)
	if !ok {
		return nil, rep, fmt.Errorf("import alembic: the %s dialect has no SQLAlchemy counterpart", opts.Dialect.Name())
	}
	py := opts.Python
	if py == "" {
		py = "python3"
	}
	if out, err := exec.CommandContext(ctx, py, "-c", "import alembic, sqlalchemy").CombinedOutput(); err != nil {
		return nil, rep, fmt.Errorf("import alembic --via-alembic: %s cannot import alembic and sqlalchemy (%s); install them (pip install alembic, or apt-get install python3-alembic) or leave out --via-alembic to translate without Python",
			py, strings.TrimSpace(lastLine(string(out))))
	}
	// A folder of its own with the scripts, so that no env.py or package
	// __init__ of the project runs.
	tmp, err := os.MkdirTemp("", "retort-alembic-")
	if err != nil {
		return nil, rep, err
	}
	defer os.RemoveAll(tmp)
	versions := filepath.Join(tmp, "versions")
	if err := os.Mkdir(versions, 0o755); err != nil {
		return nil, rep, err
	}
	var ids []string
	for i, m := range order {
		// One file per revision, named so that two folders' equal names
		// cannot collide.
		if err := os.WriteFile(filepath.Join(versions, fmt.Sprintf("r%05d_%s", i, filepath.Base(m.path))), []byte(m.src), 0o644); err != nil {
			return nil, rep, err
		}
		ids = append(ids, m.id)
	}
	sqla := n.SQLAlchemyDialect()
	if opts.SQLAlchemyDialect != "" {
		sqla = opts.SQLAlchemyDialect
	}
	arg, _ := json.Marshal(map[string]any{"dir": tmp, "versions": []string{versions}, "ids": ids, "dialect": sqla})
	cmd := exec.CommandContext(ctx, py, "-c", renderPy, string(arg))
	cmd.Dir = filepath.Dir(order[0].path) // the project's own imports, where they are relative
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, rep, fmt.Errorf("import alembic --via-alembic: Alembic failed: %s", strings.TrimSpace(lastLine(stderr.String())))
	}
	var res map[string]rendered
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return nil, rep, fmt.Errorf("import alembic --via-alembic: cannot read Alembic's output: %w", err)
	}
	var out []importer.Revision
	for _, m := range order {
		r := res[m.id]
		rev := importer.Revision{
			File: script.NewFile{ID: m.id, Message: m.message, Parents: m.parents, BranchLabels: m.labels,
				DependsOn: m.dependsOn, CreateDate: m.created},
			Source: m.path, SourceVersion: m.id,
		}
		section := func(sect, sql, errText string, def *stmt) string {
			if errText == "" {
				sql, tx := withoutTransactionControl(sql)
				if tx {
					rev.File.NoTransaction = true
				}
				return sectionBody(strings.TrimSpace(sql))
			}
			line, end := 1, strings.Count(m.src, "\n")+1
			if def != nil {
				line, end = def.line, def.endLine
			}
			mb := importer.Manual{Pos: fmt.Sprintf("%s:%d", m.path, line), Section: sect,
				Text: sourceLines(m.src, line, end), Reason: "Alembic's offline mode could not render it: " + errText}
			rev.Manual = append(rev.Manual, mb)
			return importer.ManualBlock(mb)
		}
		rev.File.Upgrade = section("upgrade", r.Upgrade, r.UpgradeError, m.upgrade)
		rev.File.Downgrade = section("downgrade", r.Downgrade, r.DowngradeError, m.downgrade)
		out = append(out, rev)
		rep.Manual = append(rep.Manual, rev.Manual...)
		if len(rev.Manual) == 0 {
			rep.Translated++
		}
	}
	rep.Revisions = len(out)
	return out, rep, nil
}

// withoutTransactionControl drops the COMMIT and BEGIN Alembic's offline
// mode writes around an autocommit_block (the importer's context opens no
// transaction of its own, so they come from nowhere else); found reports
// them, and the revision then runs without a transaction.
func withoutTransactionControl(sql string) (string, bool) {
	var out []string
	found := false
	for _, line := range strings.Split(sql, "\n") {
		switch strings.ToUpper(strings.TrimSpace(line)) {
		case "COMMIT;", "BEGIN;", "BEGIN TRANSACTION;", "START TRANSACTION;":
			found = true
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n"), found
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
