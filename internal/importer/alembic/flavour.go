package alembic

import (
	"slices"
	"strings"
)

// flavour is what one SQLAlchemy dialect does differently, as far as the
// translation depends on it: how its DDL compiler writes types, defaults
// and literals, and which of SQLAlchemy's and Alembic's features it has.
// flavours holds one value per SQLAlchemy dialect a retort dialect names
// (SQLAlchemyDialect); a translator holds its own, and the code reads the
// properties, never the name.
type flavour struct {
	// name is SQLAlchemy's dialect name: what op.get_bind().dialect.name
	// answers, matched by the translation's if on it.
	name string
	// title names the database in messages.
	title string
	// kwPrefix starts the dialect's own keyword arguments
	// (postgresql_where=…, mysql_using=…).
	kwPrefix string
	// variants are the dialect names .with_variant(type, name) picks for
	// this flavour and the prefixes (name_) of create_table keywords it
	// reads as its own.
	variants []string

	// Types, as the DDL compiler writes them.

	// varcharNeedsLength: String() and VARCHAR() without a length are an
	// error, not VARCHAR.
	varcharNeedsLength bool
	// intOptions: Integer, BigInteger and SmallInteger take display_width
	// and unsigned (INTEGER(11) UNSIGNED), as TINYINT and MEDIUMINT do
	// everywhere.
	intOptions bool
	nvarchar   string // NVARCHAR(n)'s type name
	boolType   string // Boolean's type name
	// nativeBoolean: Boolean(create_constraint=True) makes no
	// CHECK (x IN (0, 1)).
	nativeBoolean bool
	// timeZones: DateTime is TIMESTAMP, and it and Time say WITH or
	// WITHOUT TIME ZONE (timezone=True).
	timeZones bool
	// fractionKw is the keyword of DateTime's fractional-second digits
	// (TIMESTAMP(3)); "" when the type takes none.
	fractionKw string
	interval   string // Interval's type
	double     string // Double's type
	blob       string // LargeBinary's type
	// blobLength: LargeBinary(length=n) is blob(n).
	blobLength bool
	uuid       string // Uuid's type
	arrays     bool   // ARRAY(item) is item[]; elsewhere an error
	enum       enumStyle

	// Defaults and literals.

	// parenDefaults: the compiler puts server defaults that are
	// expressions in parentheses (sa.text(…) ones with more than a word,
	// sa.func.…() always).
	parenDefaults bool
	// nowAs is what sa.func.now() compiles to; "" when it stays the call
	// as written.
	nowAs             string
	trueLit, falseLit string // True and False as SQL literals

	// Features.

	comments          bool // column and table comments (elsewhere dropped, as Alembic does)
	concurrentIndexes bool // kwPrefix+concurrently=True: CREATE/DROP INDEX CONCURRENTLY
	identity          bool // sa.Identity() makes an identity column
	// serials are the types a single integer primary key takes instead
	// of its own (INTEGER → SERIAL).
	serials map[string]string
	// autoIncrement: a single integer primary key is AUTO_INCREMENT.
	autoIncrement bool
	// wholeColumnAlter: alter_column writes the whole column (MySQL's
	// CHANGE/MODIFY), what its existing_* arguments say filling in what
	// the call does not change.
	wholeColumnAlter bool
	// namedColumnChecks: a column's own CHECK can carry its name in the
	// column definition (col INTEGER CONSTRAINT name CHECK (…)).
	namedColumnChecks bool
	// foldQuotedColumns: a quoted column name names the column in any
	// case, as a bare one does; elsewhere a quoted name is exact.
	foldQuotedColumns bool
	// tableOptions are create_table's keywords of this dialect taken
	// without effect on the schema retort compares; its others are
	// refused.
	tableOptions map[string]bool
}

// enumStyle is how Enum is made.
type enumStyle int

const (
	// enumType: a named type the table's creation makes first
	// (CREATE TYPE), which .create()/.drop() make and drop too.
	enumType enumStyle = iota + 1
	// enumInline: ENUM('a','b') as the column's type.
	enumInline
	// enumString: VARCHAR as long as the longest value, with a CHECK
	// when create_constraint=True.
	enumString
)

// flavours are the SQLAlchemy dialects the translation imitates.
var flavours = []flavour{
	{
		name:     "postgresql",
		title:    "PostgreSQL",
		kwPrefix: "postgresql_",
		variants: []string{"postgresql"},

		nvarchar:      "NVARCHAR",
		boolType:      "BOOLEAN",
		nativeBoolean: true,
		timeZones:     true,
		fractionKw:    "precision",
		interval:      "INTERVAL",
		double:        "DOUBLE PRECISION",
		blob:          "BYTEA",
		uuid:          "UUID",
		arrays:        true,
		enum:          enumType,

		trueLit:  "true",
		falseLit: "false",

		comments:          true,
		concurrentIndexes: true,
		identity:          true,
		serials:           map[string]string{"INTEGER": "SERIAL", "BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL"},
		namedColumnChecks: true,
	},
	{
		name:     "mysql",
		title:    "MySQL",
		kwPrefix: "mysql_",
		variants: []string{"mysql", "mariadb"},

		varcharNeedsLength: true,
		intOptions:         true,
		nvarchar:           "NATIONAL VARCHAR",
		boolType:           "BOOL",
		fractionKw:         "fsp",
		interval:           "DATETIME",
		double:             "DOUBLE",
		blob:               "BLOB",
		blobLength:         true,
		uuid:               "CHAR(32)",
		enum:               enumInline,

		trueLit:  "true",
		falseLit: "false",

		comments:          true,
		autoIncrement:     true,
		wholeColumnAlter:  true,
		foldQuotedColumns: true,
		tableOptions:      map[string]bool{"mysql_engine": true, "mysql_charset": true, "mysql_collate": true, "mariadb_engine": true},
	},
	{
		name:     "sqlite",
		title:    "SQLite",
		kwPrefix: "sqlite_",
		variants: []string{"sqlite"},

		nvarchar: "NVARCHAR",
		boolType: "BOOLEAN",
		interval: "DATETIME",
		double:   "DOUBLE",
		blob:     "BLOB",
		uuid:     "CHAR(32)",
		enum:     enumString,

		parenDefaults: true,
		nowAs:         "CURRENT_TIMESTAMP",
		trueLit:       "1",
		falseLit:      "0",

		namedColumnChecks: true,
		foldQuotedColumns: true,
	},
}

// flavourNamed is the flavour of SQLAlchemy dialect name, nil for one the
// translation does not imitate.
func flavourNamed(name string) *flavour {
	for i := range flavours {
		if flavours[i].name == name {
			return &flavours[i]
		}
	}
	return nil
}

// picks reports whether .with_variant(type, name) applies to fl.
func (fl *flavour) picks(name string) bool {
	return slices.Contains(fl.variants, name)
}

// owns reports whether keyword argument k is one of fl's (name_…).
func (fl *flavour) owns(k string) bool {
	for _, v := range fl.variants {
		if strings.HasPrefix(k, v+"_") {
			return true
		}
	}
	return false
}

// boolLiteral is b as SQL.
func (fl *flavour) boolLiteral(b bool) string {
	if b {
		return fl.trueLit
	}
	return fl.falseLit
}
