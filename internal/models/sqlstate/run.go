package sqlstate

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
	"github.com/retortdb/retort/schema"
)

// Running the models' statements one by one costs a round trip each, and on
// a busy machine each round trip waits for both processes to be scheduled:
// 3,000 statements took PostgreSQL 6 s that way, the server's own work about
// a third of it. A dialect that can (dialect.ScratchBatcher) gets them in
// batches of many statements per call instead, in order. When a batch
// fails, which statement failed is unknown and, on a server whose DDL is not
// transactional, the ones before it are applied: the scratch database is
// dropped, a fresh one gets the batches that had succeeded, and the rest
// runs one statement at a time, so the error names the file:line of the
// statement the server refused, as it always has. A batch can also fail
// where single statements pass (PostgreSQL runs a batch in one transaction:
// CREATE INDEX CONCURRENTLY, or an enum value added and used): the same
// path then loads the models, only slower.

// Batch bounds: many statements per round trip, but a batch stays well below
// the servers' packet limits (MySQL's max_allowed_packet is 16 MiB by
// default) and PostgreSQL's lock table (a batch is one transaction, which
// holds a lock on each relation it creates until it commits).
const (
	batchStmts = 300
	batchBytes = 1 << 20
)

// testHooks are set by tests only (export_test.go).
type testHooks struct {
	// oneByOne sends every statement on its own to a scratch database, as
	// retort did before batches and scratch schemas.
	oneByOne bool
	// batchStmts overrides batchStmts when > 0.
	batchStmts int
	// made is told the kind ("schema", "database") and name of every
	// scratch schema and database made.
	made func(kind, name string)
	// shardGroups overrides shardGroups when > 0; noShards loads in one
	// scratch database what could be split over several.
	shardGroups int
	noShards    bool
	// sharded is told how many scratch databases loaded the models
	// when they were split.
	sharded func(n int)
}

func (h *testHooks) scratchMade(kind, name string) {
	if h != nil && h.made != nil {
		h.made(kind, name)
	}
}

// located is a statement with the file it comes from.
type located struct {
	file string
	st   Statement
}

// runner owns the scratch database the models run in.
type runner struct {
	d     dialect.Dialect
	src   Source
	sc    *dialect.Scratch
	batch *sql.DB // nil: the dialect cannot batch, or sc.DB itself
	conn  *sql.Conn
}

// open creates a scratch database; batching says whether to connect with
// the dialect's batch data source.
func (r *runner) open(ctx context.Context, batching bool) error {
	sc, err := dialect.OpenScratch(ctx, r.d, r.src.DriverName, r.src.DataSource, nil)
	if err != nil {
		return err
	}
	r.sc = sc
	r.src.hooks.scratchMade("database", sc.Name)
	db := sc.DB
	if b, ok := r.d.(dialect.ScratchBatcher); ok && batching {
		ds, err := b.BatchDataSource(sc.DataSource)
		if err != nil {
			return fmt.Errorf("connect to the scratch database: %w", err)
		}
		if ds != sc.DataSource {
			if db, err = sql.Open(sc.DriverName, ds); err != nil {
				return fmt.Errorf("connect to the scratch database: %w", err)
			}
			r.batch = db
		}
	}
	if r.conn, err = db.Conn(ctx); err != nil {
		return fmt.Errorf("connect to the scratch database: %w", err)
	}
	return nil
}

// close drops the scratch database; it may be called more than once.
func (r *runner) close() {
	if r.conn != nil {
		r.conn.Close()
		r.conn = nil
	}
	if r.batch != nil {
		r.batch.Close()
		r.batch = nil
	}
	if r.sc != nil {
		_ = r.sc.Drop(context.Background())
		r.sc = nil
	}
}

// run runs stmts in a scratch database and returns a connection to it.
func (r *runner) run(ctx context.Context, stmts []located) (*sql.Conn, error) {
	_, batching := r.d.(dialect.ScratchBatcher)
	batching = batching && (r.src.hooks == nil || !r.src.hooks.oneByOne)
	if err := r.open(ctx, batching); err != nil {
		return nil, err
	}
	done := 0
	if batching {
		bs := batches(stmts, r.src.hooks)
		for i, b := range bs {
			if _, err := r.conn.ExecContext(ctx, joined(b)); err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				// Start again: the batches before this one, then one
				// statement at a time.
				r.close()
				if err := r.open(ctx, true); err != nil {
					return nil, err
				}
				for _, ok := range bs[:i] {
					if _, err := r.conn.ExecContext(ctx, joined(ok)); err != nil {
						return nil, fmt.Errorf("run the models again in a fresh scratch database: %w", err)
					}
				}
				break
			}
			done += len(b)
		}
	}
	for _, l := range stmts[done:] {
		if _, err := r.conn.ExecContext(ctx, l.st.SQL); err != nil {
			return nil, &StmtError{File: l.file, Line: l.st.Line, Err: err}
		}
	}
	return r.conn, nil
}

// batches cuts stmts into runs of at most batchStmts statements and, unless
// one statement is longer, batchBytes bytes.
func batches(stmts []located, h *testHooks) [][]located {
	max := batchStmts
	if h != nil && h.batchStmts > 0 {
		max = h.batchStmts
	}
	var out [][]located
	start, size := 0, 0
	for i, l := range stmts {
		if i > start && (i-start >= max || size+len(l.st.SQL) > batchBytes) {
			out = append(out, stmts[start:i])
			start, size = i, 0
		}
		size += len(l.st.SQL) + 3
	}
	if start < len(stmts) {
		out = append(out, stmts[start:])
	}
	return out
}

// joined is a batch's text: each statement ended by ';', on a line of its
// own after a statement whose last line may hold a line comment ("--",
// MySQL's "#"), which would otherwise swallow it. Only then: SQLite keeps
// a statement's text as sent, white space before the ';' included.
func joined(b []located) string {
	var sb strings.Builder
	for _, l := range b {
		sb.WriteString(l.st.SQL)
		last := l.st.SQL[strings.LastIndexByte(l.st.SQL, '\n')+1:]
		if strings.Contains(last, "--") || strings.Contains(last, "#") {
			sb.WriteString("\n;\n")
		} else {
			sb.WriteString(";\n")
		}
	}
	return sb.String()
}

// Loading in a scratch schema (dialect.ScratchSchema) needs neither CREATE
// nor DROP DATABASE; on PostgreSQL 15 the drop alone forces a checkpoint of
// the whole server, seconds on a busy one. The models run in one
// transaction on the configured database, in a schema named like a scratch
// database and alone on the search path, are inspected there and rolled
// back. Models that could reach outside it (ScratchSchemaSafe), a database
// with event triggers, a transaction that would hold more than a quarter of
// the server's lock table (PostgreSQL's is shared: other sessions' locks
// would fail with "out of shared memory" if it filled), and any failure at
// all go to a scratch database instead, which also gives a refused
// statement its file:line.

// inSchema runs stmts in a scratch schema and inspects it. ok is false when
// this way does not apply or failed: the caller then uses a scratch
// database. A cancelled ctx is returned as an error.
func inSchema(ctx context.Context, d dialect.Dialect, src Source, stmts []located) (s *schema.Schema, ok bool, err error) {
	ss, can := d.(dialect.ScratchSchema)
	in, inspects := d.(dialect.Inspector)
	if (src.hooks != nil && src.hooks.oneByOne) || !can || !inspects || src.DriverName == "" || src.DataSource == "" {
		return nil, false, nil
	}
	for _, n := range src.Inspect.Schemas {
		if n != "" {
			return nil, false, nil
		}
	}
	texts := make([]string, len(stmts))
	for i, l := range stmts {
		texts[i] = l.st.SQL
	}
	if !ss.ScratchSchemaSafe(texts) {
		return nil, false, nil
	}
	db, err := sql.Open(src.DriverName, src.DataSource)
	if err != nil {
		return nil, false, nil
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, false, ctx.Err()
	}
	// Rolled back in every case: nothing of the models stays.
	defer func() { _ = tx.Rollback() }()
	name := dialect.ScratchName()
	check, begin, verify := ss.ScratchSchemaBegin(name)
	var triggers, locks int64
	if err := tx.QueryRowContext(ctx, check).Scan(&triggers, &locks); err != nil {
		return nil, false, ctx.Err()
	}
	if triggers > 0 || int64(len(stmts)*ss.LocksPerStatement()) > locks/4 {
		return nil, false, nil
	}
	src.hooks.scratchMade("schema", name)
	if _, err := tx.ExecContext(ctx, begin); err != nil {
		return nil, false, ctx.Err()
	}
	for _, b := range batches(stmts, src.hooks) {
		if _, err := tx.ExecContext(ctx, joined(b)); err != nil {
			return nil, false, ctx.Err()
		}
	}
	var alone bool
	if err := tx.QueryRowContext(ctx, verify).Scan(&alone); err != nil || !alone {
		return nil, false, ctx.Err()
	}
	o := src.Inspect
	o.Schemas = []string{""}
	got, err := in.Inspect(ctx, tx, o)
	if err != nil {
		return nil, false, ctx.Err()
	}
	// Extensions are listed database-wide; the models created none here
	// (CREATE EXTENSION is not ScratchSchemaSafe), so those are the
	// database's own.
	got.Extensions = nil
	if err := tx.Rollback(); err != nil {
		return nil, false, ctx.Err()
	}
	return got, true, nil
}
