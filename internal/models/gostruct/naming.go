package gostruct

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/jinzhu/inflection"
)

// Names follow GORM's NamingStrategy for both tag conventions, so a struct
// gets the same table and column names whichever tags it carries:
// snake_case with Go's common initialisms kept whole ("UserID" → user_id,
// "HTTPStatus" → http_status), table names pluralized by the same
// inflection rules ("Category" → categories, "Person" → people).

var commonInitialisms = []string{"API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SLA", "SMTP", "SSH", "TLS", "TTL", "UID", "UI", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XSRF", "XSS"}

// initialisms is read-only after package initialization.
var initialisms = initialismsReplacer()

func initialismsReplacer() *strings.Replacer {
	pairs := make([]string, 0, 2*len(commonInitialisms))
	for _, s := range commonInitialisms {
		pairs = append(pairs, s, s[:1]+strings.ToLower(s[1:]))
	}
	return strings.NewReplacer(pairs...)
}

// snakeName converts a Go identifier to a column name (GORM's toDBName).
func snakeName(name string) string {
	if name == "" {
		return ""
	}
	value := initialisms.Replace(name)
	var buf strings.Builder
	var lastCase, nextCase, nextNumber bool
	curCase := value[0] <= 'Z' && value[0] >= 'A'
	for i, v := range value[:len(value)-1] {
		nextCase = value[i+1] <= 'Z' && value[i+1] >= 'A'
		nextNumber = value[i+1] >= '0' && value[i+1] <= '9'
		if curCase {
			if lastCase && (nextCase || nextNumber) {
				buf.WriteRune(v + 32)
			} else {
				if i > 0 && value[i-1] != '_' && value[i+1] != '_' {
					buf.WriteByte('_')
				}
				buf.WriteRune(v + 32)
			}
		} else {
			buf.WriteRune(v)
		}
		lastCase = curCase
		curCase = nextCase
	}
	if curCase {
		if !lastCase && len(value) > 1 {
			buf.WriteByte('_')
		}
		buf.WriteByte(value[len(value)-1] + 32)
	} else {
		buf.WriteByte(value[len(value)-1])
	}
	return buf.String()
}

// tableName is the default table name of a struct: snake_case, plural.
func tableName(structName string) string {
	return inflection.Plural(snakeName(structName))
}

// constraintName builds prefix_table_name, shortened with a hash past 64
// characters exactly as GORM does.
func constraintName(prefix, table, name string) string {
	s := strings.ReplaceAll(prefix+"_"+table+"_"+name, ".", "_")
	if utf8.RuneCountInString(s) > 64 {
		h := sha1.Sum([]byte(s))
		s = s[:56] + hex.EncodeToString(h[:])[:8]
	}
	return s
}
