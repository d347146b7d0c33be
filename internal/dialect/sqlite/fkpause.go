package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

var _ dialect.ForeignKeyPauser = (*Dialect)(nil)

// PausesForeignKeys implements dialect.ForeignKeyPauser: a revision asks for
// foreign keys off the way SQLite's ALTER TABLE documentation does, with
// PRAGMA foreign_keys = OFF. Inside the revision's transaction the statement
// itself is a no-op; the runner does what it asks before the transaction
// begins. The statement is read as SQLite reads it: any spelling of the
// pragma (a schema prefix, quotes, comments, "= v" or "(v)") and any value
// SQLite takes as false ("off", "no", "false", 0, and every word it does not
// know).
func (*Dialect) PausesForeignKeys(sql string) bool {
	ts, ok := pragmaTokens(sql)
	if !ok {
		return false
	}
	if n := len(ts); n > 0 && ts[n-1] == ";" {
		ts = ts[:n-1]
	}
	if len(ts) < 4 || !strings.EqualFold(ts[0], "pragma") {
		return false
	}
	ts = ts[1:]
	if ts[1] == "." {
		ts = ts[2:]
	}
	if len(ts) < 3 || !strings.EqualFold(unquoteName(ts[0]), "foreign_keys") {
		return false
	}
	var value []string
	switch {
	case ts[1] == "=":
		value = ts[2:]
	case ts[1] == "(" && ts[len(ts)-1] == ")":
		value = ts[2 : len(ts)-1]
	default:
		return false
	}
	switch {
	case len(value) == 2 && value[0] == "+" && isNumber(value[1]):
		value = value[1:]
	case len(value) == 2 && value[0] == "-" && isNumber(value[1]):
		return true // "-1": not a digit first, not a known word: false
	}
	if len(value) != 1 || len(value[0]) == 1 && strings.ContainsAny(value[0], "=().;+-,") {
		return false
	}
	return !sqliteTrue(unquoteName(value[0]))
}

// sqliteTrue is SQLite's sqlite3GetBoolean for a flag pragma's value: a
// number other than 0 (one that does not fit 31 bits reads as 0), or on,
// yes, true; everything else (off, no, false, full, an unknown word, "") is
// false.
func sqliteTrue(v string) bool {
	if v != "" && v[0] >= '0' && v[0] <= '9' {
		return getInt32(v) != 0
	}
	switch strings.ToLower(v) {
	case "on", "yes", "true":
		return true
	}
	return false
}

// getInt32 is SQLite's sqlite3Atoi over sqlite3GetInt32: a leading
// decimal (or 0x hexadecimal) integer that fits 31 bits, else 0.
func getInt32(z string) int64 {
	if len(z) > 2 && z[0] == '0' && (z[1] == 'x' || z[1] == 'X') && isHex(z[2]) {
		z = strings.TrimLeft(z[2:], "0")
		var u uint32
		i := 0
		for ; i < 8 && i < len(z) && isHex(z[i]); i++ {
			u = u*16 + uint32(hexVal(z[i]))
		}
		if u&0x80000000 != 0 || (i < len(z) && isHex(z[i])) {
			return 0
		}
		return int64(u)
	}
	z = strings.TrimLeft(z, "0")
	var v int64
	i := 0
	for ; i < 11 && i < len(z) && z[i] >= '0' && z[i] <= '9'; i++ {
		v = v*10 + int64(z[i]-'0')
	}
	if i > 10 || v > 2147483647 {
		return 0
	}
	return v
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

func isNumber(t string) bool { return t != "" && (t[0] >= '0' && t[0] <= '9' || t[0] == '.') }

// unquoteName removes SQLite's identifier or string quotes.
func unquoteName(t string) string {
	if len(t) < 2 {
		return t
	}
	switch q := t[0]; q {
	case '"', '\'', '`':
		return strings.ReplaceAll(t[1:len(t)-1], string(q)+string(q), string(q))
	case '[':
		return t[1 : len(t)-1]
	}
	return t
}

// pragmaTokens splits a statement into SQLite tokens, comments and
// whitespace dropped: words and numbers, quoted names and strings (quotes
// kept), and single punctuation characters. ok is false for an unterminated
// quote.
func pragmaTokens(s string) (ts []string, ok bool) {
	isWord := func(c byte) bool {
		return c == '_' || c == '$' || c >= 0x80 || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r':
			i++
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return ts, true
			}
			i += j
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return ts, true
			}
			i += j + 4
		case c == '"' || c == '\'' || c == '`':
			j := i + 1
			for {
				k := strings.IndexByte(s[j:], c)
				if k < 0 {
					return nil, false
				}
				j += k + 1
				if j < len(s) && s[j] == c {
					j++
					continue
				}
				break
			}
			ts = append(ts, s[i:j])
			i = j
		case c == '[':
			k := strings.IndexByte(s[i:], ']')
			if k < 0 {
				return nil, false
			}
			ts = append(ts, s[i:i+k+1])
			i += k + 1
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			j := i + 1
			for j < len(s) && (isWord(s[j]) || s[j] == '.' ||
				(s[j] == '+' || s[j] == '-') && (s[j-1] == 'e' || s[j-1] == 'E')) {
				j++
			}
			ts = append(ts, s[i:j])
			i = j
		case isWord(c):
			j := i + 1
			for j < len(s) && isWord(s[j]) {
				j++
			}
			ts = append(ts, s[i:j])
			i = j
		default:
			ts = append(ts, s[i:i+1])
			i++
		}
	}
	return ts, true
}

// PauseForeignKeys implements dialect.ForeignKeyPauser, following SQLite's
// documented procedure for table changes ALTER TABLE cannot make: foreign
// keys off before the transaction begins (PRAGMA foreign_keys is a no-op
// inside one), checked with PRAGMA foreign_key_check before it commits when
// they were on. restore also puts back legacy_alter_table, which a rebuild
// turns on around its RENAME and which stays on if the RENAME fails.
func (*Dialect) PauseForeignKeys(ctx context.Context, conn *sql.Conn) (func(context.Context) error, bool, error) {
	var fk, legacy int
	if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return nil, false, fmt.Errorf("read PRAGMA foreign_keys: %w", err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA legacy_alter_table").Scan(&legacy); err != nil {
		return nil, false, fmt.Errorf("read PRAGMA legacy_alter_table: %w", err)
	}
	restore := func(ctx context.Context) error {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA legacy_alter_table = %d", legacy)); err != nil {
			return fmt.Errorf("restore PRAGMA legacy_alter_table: %w", err)
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA foreign_keys = %d", fk)); err != nil {
			return fmt.Errorf("restore PRAGMA foreign_keys: %w", err)
		}
		return nil
	}
	if fk == 0 {
		return restore, false, nil
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		return nil, false, fmt.Errorf("switch foreign keys off: %w", err)
	}
	var now int
	if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&now); err != nil || now != 0 {
		_ = restore(ctx)
		if err == nil {
			err = fmt.Errorf("PRAGMA foreign_keys = OFF had no effect (is a transaction open on the connection?)")
		}
		return nil, false, fmt.Errorf("switch foreign keys off: %w", err)
	}
	return restore, true, nil
}

// ForeignKeyError lists rows that break a foreign key, as PRAGMA
// foreign_key_check reports them.
type ForeignKeyError struct {
	Count  int      // rows reported
	Sample []string // the first few, described
}

func (e *ForeignKeyError) Error() string {
	rows := "rows break foreign keys"
	if e.Count == 1 {
		rows = "row breaks a foreign key"
	}
	s := fmt.Sprintf("PRAGMA foreign_key_check: %d %s: %s", e.Count, rows, strings.Join(e.Sample, "; "))
	if e.Count > len(e.Sample) {
		s += fmt.Sprintf("; and %d more", e.Count-len(e.Sample))
	}
	return s
}

// ForeignKeyCheck implements dialect.ForeignKeyPauser with PRAGMA
// foreign_key_check.
func (*Dialect) ForeignKeyCheck(ctx context.Context, conn *sql.Conn) error {
	type violation struct {
		table, parent string
		rowid         sql.NullInt64
		fkid          int
	}
	rows, err := conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("PRAGMA foreign_key_check: %w", err)
	}
	var vs []violation
	n := 0
	for rows.Next() {
		var v violation
		if err := rows.Scan(&v.table, &v.rowid, &v.parent, &v.fkid); err != nil {
			rows.Close()
			return fmt.Errorf("PRAGMA foreign_key_check: %w", err)
		}
		if n < 5 {
			vs = append(vs, v)
		}
		n++
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("PRAGMA foreign_key_check: %w", err)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("PRAGMA foreign_key_check: %w", err)
	}
	if n == 0 {
		return nil
	}
	e := &ForeignKeyError{Count: n}
	for _, v := range vs {
		from, to := foreignKeyColumns(ctx, conn, v.table, v.fkid)
		s := v.table
		if v.rowid.Valid {
			s += fmt.Sprintf(" row %d", v.rowid.Int64)
		}
		if from != "" {
			s += ": " + v.table + "." + from + " references " + v.parent
			if to != "" {
				s += "." + to
			}
		} else {
			s += ": references " + v.parent
		}
		e.Sample = append(e.Sample, s+", which has no matching row")
	}
	return e
}

// foreignKeyColumns names the columns of table's foreign key fkid, joined
// with "," ("" when they cannot be read).
func foreignKeyColumns(ctx context.Context, conn *sql.Conn, table string, fkid int) (from, to string) {
	rows, err := conn.QueryContext(ctx, `SELECT "from", coalesce("to", '') FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq`, table, fkid)
	if err != nil {
		return "", ""
	}
	defer rows.Close()
	var fs, ts []string
	for rows.Next() {
		var f, t string
		if err := rows.Scan(&f, &t); err != nil {
			return "", ""
		}
		fs, ts = append(fs, f), append(ts, t)
	}
	if len(fs) > 1 {
		return "(" + strings.Join(fs, ", ") + ")", "(" + strings.Join(ts, ", ") + ")"
	}
	return strings.Join(fs, ""), strings.Join(ts, "")
}

// OfflineForeignKeyPause implements dialect.ForeignKeyPauser. The check
// rolls the transaction back when a row breaks a foreign key (INSERT OR
// ROLLBACK on a CHECK constraint), so its COMMIT fails and nothing of it
// stays; run the script with sqlite3 -bail to stop there.
func (*Dialect) OfflineForeignKeyPause() (off, check, on []string) {
	return []string{"PRAGMA foreign_keys = OFF"},
		[]string{
			"CREATE TEMP TABLE _retort_fk_check (foreign_key_violations INTEGER CHECK (foreign_key_violations = 0))",
			"INSERT OR ROLLBACK INTO _retort_fk_check SELECT count(*) FROM pragma_foreign_key_check",
			"DROP TABLE _retort_fk_check",
		},
		[]string{"PRAGMA foreign_keys = ON"}
}
