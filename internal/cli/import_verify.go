package cli

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/config"
	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/internal/dialect/registry"
	"github.com/retortdb/retort/internal/importer/alembic"
	"github.com/retortdb/retort/schema"
)

// alembicVerification is what `retort import alembic --url` found by
// running both histories on scratch databases.
type alembicVerification struct {
	// Differences are the changes that would turn the imported history's
	// schema at heads into Alembic's, one per object; none when equal.
	Differences []string `json:"differences"`
	// DownDifferences are the same after both downgraded to base.
	DownDifferences []string `json:"down_differences"`
}

// Equal reports whether both histories left the same schema, up and down.
func (v *alembicVerification) Equal() bool {
	return len(v.Differences) == 0 && len(v.DownDifferences) == 0
}

// verifyEnvPy is the env.py the check runs Alembic's history with, in a
// copy of its versions folders: the project's own env.py usually imports
// the application, which the check does not need.
const verifyEnvPy = `from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import make_url

u = make_url(context.config.get_main_option("sqlalchemy.url"))
if u.drivername == "mysql":
    try:
        import MySQLdb  # noqa: F401
    except ImportError:
        u = u.set(drivername="mysql+pymysql")
engine = create_engine(u, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
`

// verifyAlembicImport checks an import on two scratch databases of the
// server scratchURL reaches (SQLite: two temporary files): the imported
// revisions in dir upgraded to heads on one with retort, the Alembic
// history at alembicPath upgraded to heads on the other with Alembic
// (python, "" = python3); both inspected and compared object by object;
// then both downgraded to base and compared again. The scratch databases
// are dropped after. A failure of either run is an error naming which.
func verifyAlembicImport(ctx context.Context, scratchURL, alembicPath, dir, python string) (*alembicVerification, error) {
	dsn, err := config.ParseURL(scratchURL)
	if err != nil {
		return nil, fmt.Errorf("--url: %w", err)
	}
	d, err := registry.Lookup(dsn.Dialect)
	if err != nil {
		return nil, err
	}
	if python == "" {
		python = "python3"
	}
	mine, theirs, cleanup, err := verifyScratch(ctx, d, dsn, scratchURL)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	project, err := alembicCopy(alembicPath)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(project)

	open := func(t *verifyTarget) (*retort.Migrator, error) {
		return retort.Open(ctx, t.db, nil, retort.WithDialect(dsn.Dialect), retort.WithVersionDirs(dir))
	}
	mm, err := open(mine)
	if err != nil {
		return nil, err
	}
	mt, err := open(theirs)
	if err != nil {
		return nil, err
	}
	if _, err := mm.Upgrade(ctx, "heads"); err != nil {
		return nil, fmt.Errorf("the imported history failed on a scratch database: %w", err)
	}
	if err := runAlembicOn(ctx, python, project, theirs.sqlaURL, "upgrade", "heads"); err != nil {
		return nil, err
	}
	v := &alembicVerification{}
	if v.Differences, err = verifyCompare(ctx, mm, mt); err != nil {
		return nil, err
	}
	if _, err := mm.Downgrade(ctx, "base"); err != nil {
		return nil, fmt.Errorf("the imported history's downgrade to base failed on a scratch database: %w", err)
	}
	if err := runAlembicOn(ctx, python, project, theirs.sqlaURL, "downgrade", "base"); err != nil {
		return nil, err
	}
	if v.DownDifferences, err = verifyCompare(ctx, mm, mt); err != nil {
		return nil, err
	}
	return v, nil
}

// verifyCompare lists what differs between the schemas of mm (retort's)
// and mt (Alembic's) as the changes that turn the first into the second.
func verifyCompare(ctx context.Context, mm, mt *retort.Migrator) ([]string, error) {
	got, err := mm.Inspect(ctx, schema.Filter{})
	if err != nil {
		return nil, err
	}
	want, err := mt.Inspect(ctx, schema.Filter{})
	if err != nil {
		return nil, err
	}
	changes, err := mm.Diff(got, want)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range changes {
		out = append(out, c.String())
	}
	return out, nil
}

// verifyTarget is one scratch database of the check.
type verifyTarget struct {
	db      *sql.DB
	sqlaURL string // the same database as SQLAlchemy's URL
}

// sqlaNamer names the SQLAlchemy dialect of a retort dialect.
type sqlaNamer interface{ SQLAlchemyDialect() string }

// verifyScratch makes the check's two databases: temporary files where
// the dialect's databases are (ScratchMemory: in-process ones, which
// Python cannot reach), else scratch databases on scratchURL's server.
func verifyScratch(ctx context.Context, d dialect.Dialect, dsn *config.DSN, scratchURL string) (mine, theirs *verifyTarget, cleanup func(), err error) {
	n, ok := d.(sqlaNamer)
	if !ok {
		return nil, nil, nil, fmt.Errorf("--url: the %s dialect has no SQLAlchemy counterpart to run Alembic on", d.Name())
	}
	if _, ok := d.(dialect.ScratchMemory); ok {
		dir, err := os.MkdirTemp("", "retort-verify-db-")
		if err != nil {
			return nil, nil, nil, err
		}
		var ts []*verifyTarget
		for _, f := range []string{"retort.db", "alembic.db"} {
			p := filepath.Join(dir, f)
			fd, err := config.ParseURL("sqlite:///" + p)
			if err == nil {
				var db *sql.DB
				if db, err = sql.Open(fd.DriverName, fd.DataSource); err == nil {
					ts = append(ts, &verifyTarget{db: db, sqlaURL: "sqlite:///" + p})
					continue
				}
			}
			for _, t := range ts {
				t.db.Close()
			}
			os.RemoveAll(dir)
			return nil, nil, nil, err
		}
		return ts[0], ts[1], func() {
			for _, t := range ts {
				t.db.Close()
			}
			os.RemoveAll(dir)
		}, nil
	}
	a, err := dialect.OpenScratch(ctx, d, dsn.DriverName, dsn.DataSource, nil)
	if err != nil {
		return nil, nil, nil, errors.New(config.Redact(err.Error()))
	}
	b, err := dialect.OpenScratch(ctx, d, dsn.DriverName, dsn.DataSource, nil)
	if err != nil {
		_ = a.Drop(ctx)
		return nil, nil, nil, errors.New(config.Redact(err.Error()))
	}
	u, err := url.Parse(scratchURL)
	if err != nil {
		_ = a.Drop(ctx)
		_ = b.Drop(ctx)
		return nil, nil, nil, err
	}
	u.Scheme = n.SQLAlchemyDialect()
	u.Path = "/" + b.Name
	q := url.Values{}
	if v := u.Query().Get("sslmode"); v != "" {
		q.Set("sslmode", v)
	}
	u.RawQuery = q.Encode()
	return &verifyTarget{db: a.DB}, &verifyTarget{db: b.DB, sqlaURL: u.String()}, func() {
		_ = a.Drop(context.WithoutCancel(ctx))
		_ = b.Drop(context.WithoutCancel(ctx))
	}, nil
}

// runAlembicOn runs `alembic <args>` for the project copy on sqlaURL.
func runAlembicOn(ctx context.Context, python, project, sqlaURL string, args ...string) error {
	ini := filepath.Join(project, "alembic.ini")
	text := fmt.Sprintf("[alembic]\nscript_location = %s\nsqlalchemy.url = %s\n", project, strings.ReplaceAll(sqlaURL, "%", "%%"))
	if err := os.WriteFile(ini, []byte(text), 0o600); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, python, append([]string{"-m", "alembic", "-c", ini}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = io.Discard
	if err := cmd.Run(); err != nil {
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		return fmt.Errorf("alembic %s failed on a scratch database (%v): %s", strings.Join(args, " "), err,
			config.Redact(lines[len(lines)-1]))
	}
	return nil
}

// alembicCopy is a temporary Alembic project with the history's
// revision scripts and the check's own env.py.
func alembicCopy(path string) (string, error) {
	dirs, err := alembic.VersionDirs(path)
	if err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp("", "retort-verify-")
	if err != nil {
		return "", err
	}
	versions := filepath.Join(tmp, "versions")
	if err := os.Mkdir(versions, 0o755); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "env.py"), []byte(verifyEnvPy), 0o644); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	for i, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			os.RemoveAll(tmp)
			return "", err
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".py") {
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				os.RemoveAll(tmp)
				return "", err
			}
			if err := os.WriteFile(filepath.Join(versions, fmt.Sprintf("d%d_%s", i, e.Name())), b, 0o644); err != nil {
				os.RemoveAll(tmp)
				return "", err
			}
		}
	}
	return tmp, nil
}
