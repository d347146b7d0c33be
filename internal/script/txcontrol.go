package script

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// Transaction control in a revision.
//
// retort runs a revision inside a transaction it opens, and records the
// revision in the version and history tables inside the same transaction
// (on PostgreSQL and SQLite with the rest of the run; MySQL records each
// statement's progress between statements). A statement of the revision that
// commits, rolls back or opens a transaction breaks that: the run then
// reports "rolled back" over tables that were committed, or loses its own
// bookkeeping tables to a ROLLBACK. Such statements are refused when the
// file is parsed, unless the section runs without a transaction
// ("-- +retort no-transaction"), where each statement runs on its own and
// the revision may manage transactions itself.
//
// A statement is transaction control when the server would read it so at
// the top level of the section. Only a statement's first words are read:
// the same words inside a string, a comment, a dollar-quoted body, or the
// BEGIN … END body of a function, procedure, trigger or event belong to a
// bigger statement and are never flagged (the splitter keeps those whole).
//
// Refused (their first words, any case, comments allowed between them):
//
//	COMMIT …, END [WORK|TRANSACTION|AND …] (PostgreSQL, SQLite: commit),
//	ROLLBACK … (also ROLLBACK TO SAVEPOINT, ROLLBACK PREPARED), ABORT
//	(PostgreSQL: rollback), BEGIN … except MariaDB's compound statement
//	BEGIN NOT ATOMIC, START TRANSACTION, SAVEPOINT, RELEASE [SAVEPOINT],
//	PREPARE TRANSACTION (PostgreSQL two-phase commit: ends the
//	transaction), XA … except XA RECOVER (MySQL), SET … autocommit = …
//	(MySQL: setting it to 1 commits; 0 leaves retort's bookkeeping
//	uncommitted) unless GLOBAL/PERSIST, LOCK TABLE[S] … READ|WRITE and
//	UNLOCK TABLE[S] (MySQL: they commit implicitly, and a locked session
//	cannot write the bookkeeping tables), FLUSH TABLES … WITH READ LOCK and
//	… FOR EXPORT (MySQL: the same).
//
// Not refused: SET TRANSACTION and SET SESSION CHARACTERISTICS (they change
// how a transaction behaves, not where it ends; PostgreSQL rejects SET
// TRANSACTION after the first statement of a transaction itself, and the
// run then rolls back truthfully), PostgreSQL's LOCK TABLE … IN … MODE (a
// lock held to the end of the run's transaction), statements the server
// refuses inside a transaction (VACUUM, CREATE INDEX CONCURRENTLY, CALL of
// a procedure that commits: the server's error rolls the run back
// truthfully), and MySQL's implicit commit by DDL (retort runs MySQL
// revisions statement by statement for that reason).

// txControl reports whether the statement sql is transaction control and
// names it ("COMMIT", "SET autocommit").
func txControl(sql string, mysql bool) (string, bool) {
	tk := txTokenizer{src: sql, mysql: mysql}
	first := tk.next()
	if first.kind != tkWord {
		return "", false
	}
	w0 := strings.ToUpper(first.text)
	switch w0 {
	case "COMMIT", "ROLLBACK", "SAVEPOINT", "ABORT":
		return w0, true
	case "RELEASE":
		return "RELEASE SAVEPOINT", true
	case "BEGIN":
		t1 := tk.next()
		if t1.isWord("NOT") && tk.next().isWord("ATOMIC") {
			return "", false // MariaDB compound statement
		}
		return "BEGIN", true
	case "END":
		switch t1 := tk.next(); {
		case t1.kind == tkEOF, t1.isWord("WORK"), t1.isWord("TRANSACTION"), t1.isWord("AND"):
			return "END", true
		}
	case "START":
		if tk.next().isWord("TRANSACTION") {
			return "START TRANSACTION", true
		}
	case "PREPARE":
		if tk.next().isWord("TRANSACTION") {
			return "PREPARE TRANSACTION", true
		}
	case "XA":
		if t1 := tk.next(); !t1.isWord("RECOVER") {
			return strings.TrimSpace("XA " + strings.ToUpper(t1.text)), true
		}
	case "SET":
		if setsAutocommit(&tk) {
			return "SET autocommit", true
		}
	case "LOCK":
		if t1 := tk.next(); t1.isWord("TABLE") || t1.isWord("TABLES") {
			for t := tk.next(); t.kind != tkEOF; t = tk.next() {
				if t.isWord("READ") || t.isWord("WRITE") {
					return "LOCK TABLES", true
				}
			}
		}
	case "UNLOCK":
		if t1 := tk.next(); t1.isWord("TABLE") || t1.isWord("TABLES") {
			return "UNLOCK TABLES", true
		}
	case "FLUSH":
		var prev [2]txToken
		for t := tk.next(); t.kind != tkEOF; t = tk.next() {
			if t.isWord("LOCK") && prev[0].isWord("WITH") && prev[1].isWord("READ") ||
				t.isWord("EXPORT") && prev[1].isWord("FOR") {
				return "FLUSH TABLES … " + strings.ToUpper(prev[1].text) + " " + strings.ToUpper(t.text), true
			}
			prev[0], prev[1] = prev[1], t
		}
	}
	return "", false
}

// setsAutocommit reports whether the rest of a SET statement assigns the
// session's autocommit: "autocommit =", "@@autocommit :=",
// "SESSION autocommit =", "@@session.autocommit =" — not "@autocommit" (a
// user variable) nor GLOBAL or PERSIST (other sessions).
func setsAutocommit(tk *txTokenizer) bool {
	var toks []txToken
	for t := tk.next(); t.kind != tkEOF; t = tk.next() {
		toks = append(toks, t)
	}
	at := func(i int) txToken {
		if i < 0 || i >= len(toks) {
			return txToken{kind: tkEOF}
		}
		return toks[i]
	}
	for i, t := range toks {
		if !t.isWord("AUTOCOMMIT") {
			continue
		}
		if !(at(i+1).isPunct("=") || at(i+1).isPunct(":") && at(i+2).isPunct("=")) {
			continue
		}
		scope := at(i - 1)
		switch {
		case scope.isPunct("@") && !at(i-2).isPunct("@"):
			continue // @autocommit: a user variable
		case scope.isPunct("."):
			scope = at(i - 2) // @@global.autocommit
		}
		if scope.isWord("GLOBAL") || scope.isWord("PERSIST") || scope.isWord("PERSIST_ONLY") {
			continue
		}
		return true
	}
	return false
}

// txToken is a token of txTokenizer; tkEOF ends the text.
type txToken struct {
	kind tokKind
	text string
}

type tokKind int

const (
	tkEOF    tokKind = iota - 1
	tkWord           // bare word: keyword, identifier or number
	tkQuoted         // string, quoted identifier, dollar-quoted text
	tkPunct          // any other single character
)

func (t txToken) isWord(w string) bool  { return t.kind == tkWord && strings.EqualFold(t.text, w) }
func (t txToken) isPunct(p string) bool { return t.kind == tkPunct && t.text == p }

// txTokenizer reads the words of one statement that the splitter has
// already cut out, so every quote and comment in it is closed. Comments are
// skipped, except MySQL's executable comments /*! … */ and /*M! … */, whose
// text the server runs: it is read as SQL.
type txTokenizer struct {
	src   string
	pos   int
	mysql bool // backslash escapes in strings
	exec  int  // open executable comments
}

func (tk *txTokenizer) next() txToken {
	src := tk.src
	for tk.pos < len(src) {
		c := src[tk.pos]
		rest := src[tk.pos:]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			tk.pos++
		case strings.HasPrefix(rest, "--") || c == '#':
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
				tk.pos += nl + 1
			} else {
				tk.pos = len(src)
			}
		case strings.HasPrefix(rest, "/*!") || strings.HasPrefix(rest, "/*M!"):
			tk.pos += strings.IndexByte(rest, '!') + 1
			for tk.pos < len(src) && '0' <= src[tk.pos] && src[tk.pos] <= '9' {
				tk.pos++
			}
			tk.exec++
		case strings.HasPrefix(rest, "*/") && tk.exec > 0:
			tk.pos += 2
			tk.exec--
		case strings.HasPrefix(rest, "/*"):
			tk.pos = skipBlockComment(src, tk.pos)
		case c == '\'' || c == '"' || c == '`':
			tk.pos, _ = sqlsplit.SkipQuoted(src, tk.pos, tk.mysql && c != '`')
			return txToken{kind: tkQuoted}
		case c == '$' && sqlsplit.DollarTag(rest) != "":
			tag := sqlsplit.DollarTag(rest)
			end := strings.Index(src[tk.pos+len(tag):], tag)
			if end < 0 {
				tk.pos = len(src)
			} else {
				tk.pos += len(tag) + end + len(tag)
			}
			return txToken{kind: tkQuoted}
		case sqlsplit.IsIdentChar(c):
			end := tk.pos + 1
			for end < len(src) && sqlsplit.IsIdentChar(src[end]) {
				end++
			}
			w := src[tk.pos:end]
			tk.pos = end
			return txToken{kind: tkWord, text: w}
		default:
			tk.pos++
			return txToken{kind: tkPunct, text: string(c)}
		}
	}
	return txToken{kind: tkEOF}
}

// skipBlockComment returns the offset after the /* comment at i (nested
// comments counted; the end of src if it never closes).
func skipBlockComment(src string, i int) int {
	depth := 0
	for i+1 < len(src) {
		switch {
		case src[i] == '/' && src[i+1] == '*':
			depth++
			i += 2
		case src[i] == '*' && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return len(src)
}

// txControlError is the refusal of a statement at line.
func txControlError(what string, line int) *Error {
	return &Error{Line: line, Msg: fmt.Sprintf("%s controls the transaction, which is retort's: "+
		"it runs the revision in a transaction that also records it in the version table. "+
		"Remove the statement, or put it in a revision or section marked %q, where each statement runs on its own",
		what, "-- +retort no-transaction")}
}

// checkTxControl refuses a statement of a transactional section that is
// transaction control. A StatementBegin block is sent as one text, but a
// server that takes several statements in one call runs each of them: its
// text is split again, and if that fails only its first statement is read.
func checkTxControl(it item) *Error {
	if !it.block {
		if what, ok := txControl(it.stmt.SQL, it.mysql); ok {
			return txControlError(what, it.stmt.Line)
		}
		return nil
	}
	pieces, err := sqlsplit.Lex(it.stmt.SQL, it.stmt.Line, sqlsplit.AllDialects)
	if err != nil {
		if what, ok := txControl(it.stmt.SQL, it.mysql); ok {
			return txControlError(what, it.stmt.Line)
		}
		return nil
	}
	for _, p := range pieces {
		if what, ok := txControl(p.Statement.SQL, p.Rules.Backslash); ok {
			return txControlError(what, p.Statement.Line)
		}
	}
	return nil
}
