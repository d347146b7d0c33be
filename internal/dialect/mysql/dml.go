package mysql

import (
	"context"
	"database/sql"
	"strings"
)

// PlainDML recognises, conservatively, a statement whose effect a ROLLBACK
// undoes when its table is transactional: INSERT [IGNORE] INTO t …,
// UPDATE [IGNORE] t SET …, DELETE FROM t [WHERE|ORDER BY|LIMIT …] of one
// table, with no subquery and no call of any function (a stored function
// may write to any table, of any engine), no comment (MySQL runs
// /*! … */), no ';', no backslash (its meaning in a literal depends on
// sql_mode). Anything else, and anything it is unsure of, is not.
func (*Dialect) PlainDML(sql string) (string, bool) {
	toks, ok := dmlTokens(sql)
	if !ok || len(toks) < 3 {
		return "", false
	}
	word := func(i int) string {
		if i < len(toks) && toks[i].kind == tokWord {
			return strings.ToUpper(toks[i].text)
		}
		return ""
	}
	i := 1
	var next []string // what may follow the table's name
	switch word(0) {
	case "INSERT":
		if word(i) == "IGNORE" {
			i++
		}
		if word(i) != "INTO" {
			return "", false
		}
		i++
		next = []string{"(", "VALUES", "VALUE", "SET"}
	case "UPDATE":
		if word(i) == "IGNORE" {
			i++
		}
		next = []string{"SET"}
	case "DELETE":
		if word(i) != "FROM" {
			return "", false
		}
		i++
		next = []string{"", "WHERE", "ORDER", "LIMIT"}
	default:
		return "", false
	}
	table, j, ok := tableName(toks, i)
	if !ok {
		return "", false
	}
	after := ""
	if j < len(toks) {
		after = toks[j].text
		if toks[j].kind == tokWord {
			after = strings.ToUpper(after)
		}
	}
	found := false
	for _, n := range next {
		found = found || n == after
	}
	if !found {
		return "", false
	}
	for k := j; k < len(toks); k++ {
		t := toks[k]
		if t.kind == tokWord {
			switch strings.ToUpper(t.text) {
			case "SELECT", "INTO", "CALL", "TABLE", "WITH":
				return "", false
			}
		}
		if t.text == "(" && k > 0 && k != j {
			prev := toks[k-1]
			if prev.kind == tokWord {
				switch strings.ToUpper(prev.text) {
				case "VALUES", "VALUE", "IN", "AND", "OR", "XOR", "NOT", "WHERE":
				default:
					return "", false // a function call
				}
			} else if prev.kind == tokQuoted {
				return "", false
			}
		}
	}
	return table, true
}

// tableName reads [schema.]table from toks[i:]; it returns the name as the
// server keeps it (schema.table when qualified) and the index after it.
func tableName(toks []dmlToken, i int) (string, int, bool) {
	part := func(i int) (string, bool) {
		if i >= len(toks) {
			return "", false
		}
		switch toks[i].kind {
		case tokWord:
			if isKeyword(toks[i].text) {
				return "", false
			}
			return toks[i].text, true
		case tokQuoted:
			return toks[i].text, true
		}
		return "", false
	}
	name, ok := part(i)
	if !ok {
		return "", 0, false
	}
	i++
	if i < len(toks) && toks[i].text == "." {
		second, ok := part(i + 1)
		if !ok {
			return "", 0, false
		}
		return name + "." + second, i + 2, true
	}
	return name, i, true
}

func isKeyword(w string) bool {
	switch strings.ToUpper(w) {
	case "SET", "VALUES", "VALUE", "WHERE", "SELECT", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "IGNORE", "INTO", "FROM", "PARTITION":
		return true
	}
	return false
}

type tokKind int

const (
	tokWord   tokKind = iota // a bare word: keyword or name
	tokQuoted                // a `quoted` name (text unquoted)
	tokString                // a '…' or "…" literal
	tokOther                 // a number, an operator, punctuation
)

type dmlToken struct {
	kind tokKind
	text string
}

// dmlTokens splits sql into tokens; false for what PlainDML refuses to
// read (comments, ';', backslashes, an unterminated quote).
func dmlTokens(sql string) ([]dmlToken, bool) {
	if strings.ContainsAny(sql, ";\\#") || strings.Contains(sql, "--") || strings.Contains(sql, "/*") {
		return nil, false
	}
	var out []dmlToken
	for i := 0; i < len(sql); {
		c := sql[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '\'' || c == '"' || c == '`':
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(sql) {
					return nil, false
				}
				if sql[j] == c {
					if j+1 < len(sql) && sql[j+1] == c {
						b.WriteByte(c)
						j += 2
						continue
					}
					break
				}
				b.WriteByte(sql[j])
				j++
			}
			kind := tokString
			if c == '`' {
				kind = tokQuoted
			}
			out = append(out, dmlToken{kind, b.String()})
			i = j + 1
		case c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
			j := i
			for j < len(sql) && (sql[j] == '_' || sql[j] == '$' || sql[j] >= 'a' && sql[j] <= 'z' || sql[j] >= 'A' && sql[j] <= 'Z' ||
				sql[j] >= '0' && sql[j] <= '9' || sql[j] >= 0x80) {
				j++
			}
			out = append(out, dmlToken{tokWord, sql[i:j]})
			i = j
		case c >= '0' && c <= '9':
			j := i
			for j < len(sql) && (sql[j] >= '0' && sql[j] <= '9' || sql[j] == '.' || sql[j] == 'e' || sql[j] == 'E' ||
				sql[j] == 'x' || sql[j] == 'X' || sql[j] >= 'a' && sql[j] <= 'f' || sql[j] >= 'A' && sql[j] <= 'F') {
				j++
			}
			out = append(out, dmlToken{tokOther, sql[i:j]})
			i = j
		default:
			out = append(out, dmlToken{tokOther, string(c)})
			i++
		}
	}
	return out, true
}

// TransactionalTables reports whether every table named (as PlainDML
// returns it) is a base table of a transactional engine (InnoDB) with no
// triggers, as the server has them now; false when one is missing (a view,
// a temporary table) or when it cannot tell.
func (*Dialect) TransactionalTables(ctx context.Context, conn *sql.Conn, tables []string) bool {
	for _, t := range tables {
		schema, name, ok := strings.Cut(t, ".")
		if !ok {
			schema, name = "", t
		}
		var engine sql.NullString
		var triggers int
		err := conn.QueryRowContext(ctx, `SELECT t.ENGINE, (SELECT COUNT(*) FROM information_schema.TRIGGERS g
WHERE g.EVENT_OBJECT_SCHEMA = t.TABLE_SCHEMA AND g.EVENT_OBJECT_TABLE = t.TABLE_NAME)
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = COALESCE(NULLIF(?, ''), DATABASE()) AND t.TABLE_NAME = ? AND t.TABLE_TYPE = 'BASE TABLE'`,
			schema, name).Scan(&engine, &triggers)
		if err != nil || !strings.EqualFold(engine.String, "InnoDB") || triggers != 0 {
			return false
		}
	}
	return true
}
