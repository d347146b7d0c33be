package dialect

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrScratchDatabase is wrapped by the error OpenScratch returns when it
// cannot create the scratch database.
var ErrScratchDatabase = errors.New("cannot create a scratch database")

// ScratchPrefix starts the name of every scratch database, so that one left
// behind by a killed process is recognisable on the server.
const ScratchPrefix = "retort_scratch_"

// Scratch is a scratch database: created for one job (loading models,
// `retort test`) and dropped by Drop.
type Scratch struct {
	// DB is open on the scratch database. A ScratchMemory database has one
	// connection: it is gone when that closes.
	DB *sql.DB
	// Name is the database's name on the server (or in the process).
	Name string
	// DriverName and DataSource open it again (DataSource may hold the
	// server's password).
	DriverName, DataSource string
	drop                   func() error
}

// Drop closes DB and drops the database; it works when ctx is cancelled
// (Ctrl-C) and may be called more than once.
func (s *Scratch) Drop(ctx context.Context) error {
	if s.drop == nil {
		return nil
	}
	err := s.drop()
	s.drop = nil
	return err
}

// ScratchName is a fresh scratch database name.
func ScratchName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return ScratchPrefix + hex.EncodeToString(b)
}

// OpenScratch creates a scratch database for dialect d: in the process
// (ScratchMemory), or on the server that driverName and dataSource reach
// (ScratchServer), whose user must be allowed to create databases. A
// driver's own log lines go to logw when the dialect can send them there
// (LogOpener; nil: the driver's default). Errors wrap ErrScratchDatabase
// and may quote dataSource: redact them.
func OpenScratch(ctx context.Context, d Dialect, driverName, dataSource string, logw io.Writer) (*Scratch, error) {
	open := func(ds string) (*sql.DB, error) {
		if lo, ok := d.(LogOpener); ok && logw != nil {
			return lo.OpenLogged(ds, logw)
		}
		return sql.Open(driverName, ds)
	}
	name := ScratchName()
	if m, ok := d.(ScratchMemory); ok {
		driver, ds := m.ScratchMemory(name)
		db, err := sql.Open(driver, ds)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrScratchDatabase, err)
		}
		db.SetMaxOpenConns(1)
		db.SetConnMaxLifetime(0)
		db.SetConnMaxIdleTime(0)
		return &Scratch{DB: db, Name: name, DriverName: driver, DataSource: ds, drop: db.Close}, nil
	}
	srv, ok := d.(ScratchServer)
	if !ok {
		return nil, fmt.Errorf("%w: dialect %s has none", ErrScratchDatabase, d.Name())
	}
	if driverName == "" || dataSource == "" {
		return nil, fmt.Errorf("%w: no database server given; set url (or dev_url) to a %s server on which a temporary database may be created", ErrScratchDatabase, d.Name())
	}
	admin, err := open(dataSource)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrScratchDatabase, err)
	}
	create, dropSQL := srv.ScratchSQL(name)
	dsn, err := srv.ScratchDataSource(dataSource, name)
	if err != nil {
		admin.Close()
		return nil, fmt.Errorf("%w: %v", ErrScratchDatabase, err)
	}
	if _, err := admin.ExecContext(ctx, create); err != nil {
		admin.Close()
		return nil, fmt.Errorf("%w %s on the server: %v; let the user create databases (PostgreSQL: ALTER ROLE … CREATEDB; MySQL: GRANT ALL ON `%s%%`.*) or point dev_url at a server where it may", ErrScratchDatabase, name, err, ScratchPrefix)
	}
	db, err := open(dsn)
	if err != nil {
		_, _ = admin.ExecContext(context.WithoutCancel(ctx), dropSQL)
		admin.Close()
		return nil, fmt.Errorf("%w: %v", ErrScratchDatabase, err)
	}
	s := &Scratch{DB: db, Name: name, DriverName: driverName, DataSource: dsn}
	s.drop = func() error {
		db.Close()
		defer admin.Close()
		// Detached from the caller's context: a cancelled run (Ctrl-C)
		// still drops its database, within a bound.
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(dctx, dropSQL); err != nil {
			return fmt.Errorf("drop the scratch database %s: %w; drop it by hand", name, err)
		}
		return nil
	}
	return s, nil
}
