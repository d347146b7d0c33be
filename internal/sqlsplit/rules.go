package sqlsplit

// Rules are a dialect's lexical rules: what the splitter must know of a
// dialect's SQL to tell where a statement ends. Each dialect package
// provides its own (internal/dialect/<name>/lexical.go); AllDialects is for
// text whose dialect is not known when it is split.
type Rules struct {
	// Backslash: '…' and "…" are strings in which a backslash escapes the
	// next character (MySQL, MariaDB). Otherwise a backslash is an ordinary
	// character and "…" is a quoted identifier.
	Backslash bool
	// HashComments: # starts a comment to the end of the line (MySQL).
	HashComments bool
	// NestedComments: /* … */ comments nest, as standard SQL and PostgreSQL
	// read them; MySQL and SQLite end a comment at the first */.
	NestedComments bool
	// EStrings: E'…' is a string with backslash escapes (PostgreSQL).
	EStrings bool
	// DollarQuotes: $$ … $$ and $tag$ … $tag$ quote a body (PostgreSQL).
	DollarQuotes bool
	// ExecutableComments: MySQL's /*! … */ and MariaDB's /*M! … */ are SQL
	// the server runs, not comments. (An optimizer hint /*+ … */ is always
	// kept as part of its statement.)
	ExecutableComments bool
	// Bodies: the BEGIN … END body of CREATE FUNCTION, PROCEDURE, TRIGGER
	// or EVENT is part of its statement, however many ';' it holds (and so
	// is a CASE … END inside it).
	Bodies bool
	// Compound: MySQL's and MariaDB's compound statements — IF, WHILE,
	// LOOP, REPEAT and FOR … END <kind> inside a body, and MariaDB's
	// BEGIN NOT ATOMIC … END outside one — keep their ';' too.
	Compound bool
	// Delimiter: a statement starting with DELIMITER (a command of the
	// mysql client, not SQL) is refused with a message saying what to do.
	Delimiter bool
	// Fallback, when set, is tried when these rules leave a string or
	// comment unterminated: if it reads the text cleanly, it wins. Its own
	// Fallback is not used.
	Fallback *Rules
}

// AllDialects reads text whose dialect is not known when it is split:
// revision files, which are loaded before a connection exists and must cut
// into the same statements whatever database later runs them. It is the
// union of the dialects' rules — standard SQL first (PostgreSQL's E'…'
// strings, $tag$ quotes and nested comments; MySQL's executable comments,
// BEGIN … END bodies and compound statements; DELIMITER refused) — and falls
// back to MySQL's strings and comments (backslash escapes, # comments, no
// nesting) when a string or comment is left unterminated.
var AllDialects = Rules{
	NestedComments:     true,
	EStrings:           true,
	DollarQuotes:       true,
	ExecutableComments: true,
	Bodies:             true,
	Compound:           true,
	Delimiter:          true,
	Fallback: &Rules{
		Backslash:          true,
		HashComments:       true,
		DollarQuotes:       true,
		ExecutableComments: true,
		Bodies:             true,
		Compound:           true,
		Delimiter:          true,
	},
}
