package script

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/sqlsplit"
)

// Statement is one SQL statement of a section, without the trailing ';'.
type Statement = sqlsplit.Statement

// Split splits SQL text into statements; firstLine is the file line of text's
// first line. Right about quotes, "double quoted" and `backtick` identifiers,
// $tag$ dollar quoting, -- and /* */ comments, BEGIN … END bodies, and the
// "-- +retort StatementBegin" / "-- +retort StatementEnd" block markers.
// BEGIN … END bodies are those of CREATE FUNCTION/PROCEDURE/TRIGGER/EVENT
// and MariaDB's compound statement BEGIN NOT ATOMIC … END.
//
// A statement's SQL runs from its first token to its last one: comments
// before it and between its end and the ';' are dropped, comments inside it
// are kept; fragments holding only comments yield no statement. CRLF line
// endings are read as LF. Errors are *Error with Line set (Path empty).
//
// Annotation lines are found line by line before any SQL is read, as in a
// revision file. Section markers and "-- +retort no-transaction" belong to
// revision files (Parse) and are an error here.
//
// The splitting is internal/sqlsplit's, with sqlsplit.AllDialects: a
// revision file is read before any connection tells which database will run
// it, so it splits the same way for every dialect.
func Split(text string, firstLine int) ([]Statement, error) {
	items, err := scanBody(stripCR(text), firstLine)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, it := range items {
		if it.annot != 0 {
			return nil, &Error{Line: it.line, Msg: fmt.Sprintf(
				"%s belongs in a revision file, not in a single section's SQL", it.annot)}
		}
		out = append(out, it.stmt)
	}
	return out, nil
}

// stripCR drops the carriage returns that end lines ("\r\n", also
// "\r\r\n"), so that splitting the result again changes nothing.
func stripCR(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			j := i
			for j < len(s) && s[j] == '\r' {
				j++
			}
			if j < len(s) && s[j] == '\n' {
				i = j - 1
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// annotKind is a "-- +retort <name>" annotation.
type annotKind = sqlsplit.Annotation

const (
	annotUpgrade       = sqlsplit.Upgrade
	annotDowngrade     = sqlsplit.Downgrade
	annotNoTransaction = sqlsplit.NoTransaction
	annotEmpty         = sqlsplit.Empty
	annotManual        = sqlsplit.Manual
)

// annotationText reports whether comment (the text after "--") is a
// "+retort …" annotation and returns what follows "+retort".
func annotationText(comment string) (rest string, ok bool) {
	return sqlsplit.AnnotationText(comment)
}

// item is what the body scanner yields: a statement or an annotation line.
type item struct {
	annot     annotKind // 0: stmt holds a statement
	stmt      Statement
	line      int // annotation line
	lineStart int // byte offsets of the annotation line, end includes its '\n'
	lineEnd   int
	mysql     bool // the statement was lexed with MySQL's rules (backslash escapes)
	block     bool // the statement is a StatementBegin … StatementEnd block
}

// scanBody splits a revision file's body into statements and annotation
// lines (sqlsplit.Scan with AllDialects); errors are *Error.
func scanBody(text string, firstLine int) ([]item, error) {
	its, err := sqlsplit.Scan(text, firstLine, sqlsplit.AllDialects)
	if err != nil {
		return nil, splitError(err)
	}
	items := make([]item, len(its))
	for i, it := range its {
		items[i] = item{annot: it.Annotation, stmt: it.Statement, line: it.Line,
			lineStart: it.LineStart, lineEnd: it.LineEnd, mysql: it.Rules.Backslash, block: it.Block}
	}
	return items, nil
}

// splitError turns the splitter's error into this package's *Error.
func splitError(err error) error {
	var e *sqlsplit.Error
	if errors.As(err, &e) {
		return &Error{Line: e.Line, Msg: e.Msg}
	}
	return err
}
