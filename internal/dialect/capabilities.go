package dialect

import (
	"context"
	"database/sql"
	"io"
	"time"

	"github.com/retortdb/retort/schema"
)

// What a dialect provides beyond Dialect. A dialect package asserts each
// interface it implements (var _ dialect.Bookkeeper = (*Dialect)(nil)), and
// internal/dialect/registry's test checks that every registered dialect
// implements the Required ones, so a dialect missing one fails to build its
// test rather than a run.

// Bookkeeper is the catalog and type knowledge the version and history
// tables need (internal/versiontable). Required.
type Bookkeeper interface {
	// TableCountQuery counts the tables named name in schema ("" = the
	// connection's default) with one row and one integer column.
	TableCountQuery(schema, name string) (query string, args []any)
	// ColumnsQuery lists the columns of table name in schema, one name per
	// row, in table order, whatever the user's privileges on the table.
	ColumnsQuery(schema, name string) (query string, args []any)
	// HistoryColumnTypes are the types of the history table's generated id
	// (with its key), timestamps, long text and flag columns.
	HistoryColumnTypes() (id, timestamp, text, boolean string)
	// HistoryTime is a UTC time as the history table's timestamp columns
	// take it as a bind parameter.
	HistoryTime(t time.Time) any
	// TrueLiteral is the literal that compares equal to a true flag column.
	TrueLiteral() string
	// InsertReturnsID reports whether an INSERT returns its generated id
	// with RETURNING (else the driver's LastInsertId has it).
	InsertReturnsID() bool
	// LiteralNote is the comment an offline script starts with to say which
	// server setting its string literals assume, "" when a literal means
	// one thing always.
	LiteralNote() string
}

// HiddenTableCatalog is implemented by dialects whose catalog lists only the
// tables the user holds some privilege on (MySQL/MariaDB's
// information_schema), so a table missing from it may exist: the tables are
// then probed with a SELECT, whose error IsNoSuchTable tells apart.
type HiddenTableCatalog interface {
	IsNoSuchTable(err error) bool
}

// GrantSchemaNamer is implemented by dialects where a GRANT on a table named
// without its schema applies to the administrator's current schema, not
// retort's (MySQL/MariaDB): GrantSchema names the connection's, "" when
// unknown.
type GrantSchemaNamer interface {
	GrantSchema(ctx context.Context, q RowQuerier) string
}

// StatementBatcher is implemented by dialects whose server may take several
// statements in one round trip (MySQL/MariaDB: multiStatements, or a
// MariaDB compound statement); the runner asks the connection which way
// works, and checks version rows inside the batch.
type StatementBatcher interface {
	BatchesStatements() bool
}

// DMLTransactor is implemented by dialects whose DDL commits on its own
// but whose DML on some tables a ROLLBACK undoes (MySQL/MariaDB, InnoDB):
// a revision of such DML alone then runs in one transaction with its
// bookkeeping, like a revision on a transactional dialect, instead of
// statement by statement with its progress recorded.
type DMLTransactor interface {
	// PlainDML reports whether sql is, by its text alone, DML of one
	// table whose effect that table's engine decides (no function call,
	// no subquery, no trigger-free guarantee yet), and names the table
	// ([schema.]name). False when unsure.
	PlainDML(sql string) (table string, ok bool)
	// TransactionalTables reports whether a ROLLBACK on conn undoes any
	// DML of these tables as they are now: each a base table of a
	// transactional engine with no triggers. False when unsure.
	TransactionalTables(ctx context.Context, conn *sql.Conn, tables []string) bool
}

// TransactionBatcher is implemented by dialects that can send several of a
// step's statements in one round trip inside an open transaction, and tell
// which of them failed (PostgreSQL's simple query protocol). Outside an
// explicit transaction the server would run such a batch as one implicit
// transaction, which some statements refuse: callers use it only inside
// one.
type TransactionBatcher interface {
	// ExecInTransaction runs stmts in order on conn, inside the open
	// transaction, in as few round trips as the connection allows (one
	// each where it allows no more), stopping at the first that fails.
	// done is how many completed; with err set, stmts[done] failed, and
	// err is the error that statement sent alone would have returned.
	ExecInTransaction(ctx context.Context, conn *sql.Conn, stmts []string) (done int, err error)
}

// Inspector reads a database's schema into the IR (autogenerate, models).
// Required.
type Inspector interface {
	Inspect(ctx context.Context, q schema.Querier, o schema.InspectOptions) (*schema.Schema, error)
}

// Renderer renders typed changes as the dialect's DDL (autogenerate's
// upgrade and downgrade sections, and review notes). Required.
type Renderer interface {
	Render(changes []schema.Change) (*schema.Rendered, error)
}

// ServerVersioner names the query that identifies the server and its
// version in one string (the model cache keys on it). Required.
type ServerVersioner interface {
	ServerVersionQuery() string
}

// ScratchServer is implemented by dialects whose scratch database for models
// is created on the configured server and dropped afterwards.
type ScratchServer interface {
	// ScratchSQL creates and drops the database name (a plain identifier).
	ScratchSQL(name string) (create, drop string)
	// ScratchDataSource points the data source ds at database name.
	ScratchDataSource(ds, name string) (string, error)
	// ServerAddress names the server that ds reaches and the user it logs
	// in as, as a URL without password, database or parameters
	// ("postgres://app@db1:5432"): two data sources with the same address
	// create their scratch databases on the same server as the same user,
	// so a fleet's tenants on one server need one `retort test` run.
	ServerAddress(ds string) (string, error)
}

// ScratchMemory is implemented by dialects whose scratch database lives in
// the process's memory: it is opened with driver and dataSource, on one
// connection, and gone when that closes.
type ScratchMemory interface {
	ScratchMemory(name string) (driver, dataSource string)
}

// ScratchBatcher is implemented by dialects whose scratch database runs
// several statements sent in one call, in order, stopping at the first that
// fails: loading models then costs a round trip per batch instead of one per
// statement. BatchDataSource returns the scratch database's data source
// (Scratch.DataSource) with that allowed; ds itself when the driver always
// allows it. A batch may leave its statements before the failing one
// applied: the caller starts again on a fresh scratch database.
type ScratchBatcher interface {
	BatchDataSource(ds string) (string, error)
}

// ScratchSharder is implemented by dialects whose models load faster split
// over several scratch databases loaded at once (SQLite re-reads its whole
// schema after each CREATE, so one database costs time quadratic in the
// number of tables; shards of a few dozen tables each cost time linear in
// it, and run on every core). The split must not change the result: what
// a ShardReader makes of the shards must be what the dialect's Inspect
// returns of one database that ran every statement.
type ScratchSharder interface {
	// ScratchShards groups the statements, by index, so that every group
	// may run in a scratch database of its own with the same effect as all
	// of them in one (each group runs in the statements' order); nil when
	// they must all run in one database (a statement of any kind but the
	// few the dialect knows to be independent, or two objects of one name:
	// the one database then reports what the server refuses).
	ScratchShards(stmts []string) [][]int
	// ShardReader returns a reader of n shards inspected with o.
	ShardReader(n int, o schema.InspectOptions) ShardReader
}

// ShardReader inspects the shards of ScratchSharder as one database.
type ShardReader interface {
	// Read inspects shard i (0 ≤ i < n), a scratch database loaded with
	// some of the groups; it may be called for different shards at once,
	// and the shard may be dropped once it returns.
	Read(ctx context.Context, i int, q schema.Querier) error
	// Schema returns the schema of every shard read, called once all of
	// them are.
	Schema() (*schema.Schema, error)
}

// ScratchSchema is implemented by dialects that can load models without a
// scratch database (PostgreSQL, whose DDL is transactional): in one
// transaction on the configured database, in a schema of its own that
// unqualified names resolve to, inspected there and rolled back, so that
// nothing is created, dropped or left behind, even by a killed process.
// Only models that cannot reach anything outside that schema run this way;
// the caller falls back to a scratch database for the others and whenever
// this way fails.
type ScratchSchema interface {
	// ScratchSchemaSafe reports whether the statements can run in a scratch
	// schema reaching nothing outside it: only kinds of statement that
	// create or change tables, indexes, sequences, types and views, or
	// insert rows into them, with no schema-qualified name anywhere in
	// their text.
	ScratchSchemaSafe(stmts []string) bool
	// ScratchSchemaBegin returns, for a transaction just begun, a query of
	// one row and two integer columns, then the statements that create
	// schema name and make it the only one unqualified names reach. The
	// row says how many enabled event triggers the database has (they
	// would see the models' DDL: more than 0 means a scratch database) and
	// how many locks one transaction may hold; LocksPerStatement estimates
	// what a model statement takes (a transaction holds them to its end).
	// verify, run after the statements, is a query of one boolean row:
	// whether unqualified names still reach schema name alone (an
	// expression the rows' insertion ran may have changed that; then
	// the models go to a scratch database).
	ScratchSchemaBegin(name string) (check, begin, verify string)
	LocksPerStatement() int
}

// SchemaTenancy is implemented by dialects whose databases hold tenants as
// schemas (PostgreSQL): a fleet's `schemas` pattern lists them, and each
// tenant's revisions run with its schema first on the search path.
type SchemaTenancy interface {
	// TenantSchemas lists the database's schemas, the system's left out.
	TenantSchemas(ctx context.Context, q schema.Querier) ([]string, error)
	// SchemaDataSource returns dataSource with name (alone) as the search
	// path of every connection opened with it: set when the connection
	// starts, not by a session SET that a pooler could hand to another
	// client or lose between transactions.
	SchemaDataSource(dataSource, name string) (string, error)
	// CurrentSchema is the schema unqualified names resolve to on q's
	// connection ("" when its search path names none that exists).
	CurrentSchema(ctx context.Context, q RowQuerier) (string, error)
}

// Required is what the runner, the version table and autogenerate need of
// every dialect: the registry's test checks each registered dialect has it.
type Required interface {
	Dialect
	Bookkeeper
	Inspector
	Renderer
	ServerVersioner
	Lexer // how model files in its SQL split into statements
}

// ConnectAdvisor is implemented by server dialects that can tell, from the
// error of a first connection, what the user must fix: the user name or
// password, a database that does not exist, missing rights on it. ok is
// false for other errors (the server is not reachable, a network error),
// which get the generic advice to check the URL and the server.
type ConnectAdvisor interface {
	ConnectAdvice(err error) (advice string, ok bool)
}

// WritableChecker is implemented by dialects that can tell, before a run
// writes anything, that the database will refuse writes: a standby in
// recovery, a read-only replica, a read-only session. CheckWritable returns
// nil for a writable database, and otherwise an error that names the
// setting and says where to run migrations instead.
type WritableChecker interface {
	CheckWritable(ctx context.Context, q RowQuerier) error
}

// LogOpener is implemented by dialects whose database/sql driver writes log
// lines of its own (go-sql-driver/mysql, by default straight to the
// process's stderr): OpenLogged opens dataSource with those lines sent to
// w instead, so a command's own stderr (which redacts passwords, and which
// a program running the CLI may capture) receives them.
type LogOpener interface {
	OpenLogged(dataSource string, w io.Writer) (*sql.DB, error)
}

// ClusterChecker is implemented by dialects whose server may be one node of
// a cluster that applies DDL in a mode of its own (a Galera cluster's
// wsrep_OSU_method). CheckCluster, called before a run takes the lock, says
// how the run's DDL will reach the other nodes (note, for the run to
// report; "" on a single server), and refuses a mode in which DDL would be
// applied on this node only unless allowNodeLocal.
type ClusterChecker interface {
	CheckCluster(ctx context.Context, q RowQuerier, allowNodeLocal bool) (note string, err error)
}

// LockTableNamer is implemented by dialects whose migration lock may keep a
// table of its own beside the version table (MySQL/MariaDB on a Galera
// cluster: the lease table). Autogenerate and check leave those tables
// out, as they do the version and history tables.
type LockTableNamer interface {
	LockTables() []string
}

// PoolerDetector is implemented by dialects that can tell whether a
// connection reaches the server through a pooler that hands a client's
// consecutive transactions to different server connections (PgBouncer's
// transaction mode), where nothing that outlives a transaction may be
// relied on. It runs before the migration lock, on runs that take it.
type PoolerDetector interface {
	// DetectPooler compares conn with a second connection from db, the pool
	// conn came from (nil: conn alone). note describes what was found and
	// what the dialect does about it ("" when nothing points to a pooler);
	// err refuses a pooler no migration can run through (one that allows
	// no multi-statement transaction), saying why and what to do.
	DetectPooler(ctx context.Context, conn *sql.Conn, db *sql.DB) (note string, err error)
	// SessionState reports whether a revision's statement leaves state on
	// its server connection beyond its transaction (a session SET, a
	// temporary table): behind such a pooler the run's next transaction
	// may not see it and the next client may. what names it ("SET
	// search_path") for a warning.
	SessionState(sql string) (what string, ok bool)
}

// LintAdvisor gives `retort lint` (internal/lint) what it must know of the
// dialect's DDL. Optional: a dialect without it gets only the rules every
// dialect shares.
type LintAdvisor interface {
	// LintRuleSets names the rule sets of internal/lint written for this
	// dialect's DDL ("pg", "mysql", "sqlite").
	LintRuleSets() []string
	// MaxIdentifierBytes is the longest name the server keeps as written.
	MaxIdentifierBytes() int
	// TypeChange says what changing a column's type from one SQL type to
	// another (both as written in DDL, lower case) does to the table's rows.
	TypeChange(from, to string) TypeChange
	// SameType reports whether two types as written name the same type
	// ("varchar(20)" and "character varying(20)").
	SameType(a, b string) bool
}

// TypeChange is what a column type change does to the existing rows.
type TypeChange struct {
	// Known: the dialect read both types. When false, assume the worst.
	Known bool
	// Rewrite: the server rewrites or copies the table (and its indexes)
	// under a lock that blocks writes, and on PostgreSQL reads too.
	Rewrite bool
	// Narrows: some values of the old type do not fit the new one: the
	// change fails on them, or truncates or rounds them.
	Narrows bool
}

// ValueKind is the kind of value a column holds, as `retort test` generates
// sample rows for it.
type ValueKind int

// The kinds of sample value. KindUnknown columns get NULL when they may, else
// their default, else the table is filled row by row as far as it goes.
const (
	KindUnknown   ValueKind = iota
	KindInt                 // an integer of ValueType.Bits bits (signed)
	KindFloat               // a binary floating-point number
	KindDecimal             // an exact number with Precision and Scale
	KindText                // characters, at most Length when set
	KindBool                // true or false
	KindDate                // a calendar date
	KindTime                // a time of day
	KindTimestamp           // a date and time
	KindUUID                // a UUID
	KindJSON                // a JSON document
	KindBytes               // binary data
	KindLiteral             // ValueType.Literal, the same for every row
)

// ValueType is what a sample value for a column must be.
type ValueType struct {
	Kind ValueKind
	// Bits bounds a KindInt (8, 16, 24, 32, 64); Unsigned integers keep to
	// the positive half anyway.
	Bits int
	// Literal is a KindLiteral's value, as text the database converts (an
	// empty array "{}", an interval "1 day", an address "10.0.0.1").
	Literal string
}

// SampleTyper is implemented by dialects that can say what values a column
// type takes, so that `retort test` can populate tables before each
// upgrade. A type it does not know is KindUnknown.
type SampleTyper interface {
	SampleType(t schema.Type) ValueType
}

// LockSampler is implemented by dialects whose server lists the locks that
// sessions hold (PostgreSQL's pg_locks): `retort test` samples them from a
// second connection while an upgrade runs on a populated database, to say
// which lock each statement took on which table and for how long.
type LockSampler interface {
	// LockSampleQuery lists the locks that other sessions of the current
	// database hold on tables: one row per lock with the table's name, the
	// lock mode, and the statement its session is running.
	LockSampleQuery() string
	// OwnLockQuery lists the locks the current session holds on tables:
	// table name and lock mode. Run after each statement of a revision in
	// a transaction, it says exactly which statement took which lock.
	OwnLockQuery() string
	// LockStrength orders lock modes: a mode that conflicts with more
	// modes is stronger. 0 for a mode it does not know.
	LockStrength(mode string) int
}

// TableIndexNamer is implemented by dialects whose servers keep a table's
// index and key names within the table (MySQL/MariaDB): two tables may hold
// indexes of one name, and a name the server chooses never depends on
// another table's. The models' cache (internal/models/sqlstate) merges
// tables loaded apart; without this it takes index names to be shared
// database-wide, as PostgreSQL's and SQLite's are, and refuses to merge
// tables that share one.
type TableIndexNamer interface {
	IndexNamesPerTable() bool
}
