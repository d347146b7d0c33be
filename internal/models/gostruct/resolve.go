package gostruct

import (
	"go/ast"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// goType is what retort knows of a field's Go type.
type goType struct {
	kind     string // see Column.Kind; "struct" for a local struct, "" when unmappable
	bits     int
	unsigned bool
	nullable bool // pointer, sql.Null*, pgtype.*, gorm.DeletedAt …
	pointer  bool
	slice    bool // slice of a local struct (a GORM has-many relation)
	elem     string
	// structName is the local struct of kind "struct".
	structName string
	// external is a known struct from another package to inline
	// ("gorm.Model").
	external string
	// named is the local named type (for enum type names and directives).
	named *typeDecl
	// sqlTypes from a //retort:type directive on the named type.
	sqlTypes map[string]string
	enum     []string
	// gorm is how GORM classifies the type ("" = by kind); gormDB names a
	// type whose column type the dialect gives per dialect (GormDBDataType:
	// dialect.GORMDataTypesJSON).
	gorm   string
	gormDB string
	// why explains an unmappable type.
	why string
}

// knownExternal maps import path + "." + name to a type.
var knownExternal = map[string]goType{
	"time.Time":                                 {kind: "time", gorm: "time"},
	"time.Duration":                             {kind: "int", bits: 64, gorm: "int"},
	"encoding/json.RawMessage":                  {kind: "json", gorm: "bytes"},
	"encoding/json.Number":                      {kind: "string", gorm: "string"},
	"database/sql.NullString":                   {kind: "string", nullable: true, gorm: "string"},
	"database/sql.NullInt64":                    {kind: "int", bits: 64, nullable: true, gorm: "int"},
	"database/sql.NullInt32":                    {kind: "int", bits: 32, nullable: true, gorm: "int"},
	"database/sql.NullInt16":                    {kind: "int", bits: 16, nullable: true, gorm: "int"},
	"database/sql.NullByte":                     {kind: "uint", bits: 8, unsigned: true, nullable: true, gorm: "uint"},
	"database/sql.NullFloat64":                  {kind: "float", bits: 64, nullable: true, gorm: "float"},
	"database/sql.NullBool":                     {kind: "bool", nullable: true, gorm: "bool"},
	"database/sql.NullTime":                     {kind: "time", nullable: true, gorm: "time"},
	"database/sql.RawBytes":                     {kind: "bytes", gorm: "bytes"},
	"github.com/google/uuid.UUID":               {kind: "uuid", gorm: "string"},
	"github.com/google/uuid.NullUUID":           {kind: "uuid", nullable: true, gorm: "bytes"},
	"github.com/gofrs/uuid.UUID":                {kind: "uuid", gorm: "string"},
	"github.com/gofrs/uuid.NullUUID":            {kind: "uuid", nullable: true, gorm: "bytes"},
	"github.com/gofrs/uuid/v5.UUID":             {kind: "uuid", gorm: "string"},
	"github.com/gofrs/uuid/v5.NullUUID":         {kind: "uuid", nullable: true, gorm: "bytes"},
	"github.com/satori/go.uuid.UUID":            {kind: "uuid", gorm: "string"},
	"github.com/shopspring/decimal.Decimal":     {kind: "decimal", gorm: "string"},
	"github.com/shopspring/decimal.NullDecimal": {kind: "decimal", nullable: true, gorm: "string"},
	"gorm.io/gorm.DeletedAt":                    {kind: "time", nullable: true, gorm: "time"},
	"gorm.io/gorm.Model":                        {kind: "struct", external: "gorm.Model"},
	"gorm.io/datatypes.JSON":                    {kind: "json", gorm: "json", gormDB: dialect.GORMDataTypesJSON},
	"gorm.io/datatypes.Date":                    {kind: "date", gorm: "date"},
	"gorm.io/datatypes.Time":                    {kind: "custom", gorm: "time", why: "datatypes.Time"},
	"github.com/lib/pq.StringArray":             {kind: "array", elem: "string", gorm: "string"},
	"github.com/lib/pq.Int64Array":              {kind: "array", elem: "int", bits: 64, gorm: "string"},
	"github.com/lib/pq.NullTime":                {kind: "time", nullable: true, gorm: "time"},
}

// pgtype types: every one has Valid, so every one is nullable.
var pgtypeTypes = map[string]goType{
	"Text":        {kind: "string", gorm: "string"},
	"Varchar":     {kind: "string", gorm: "string"},
	"Bool":        {kind: "bool", gorm: "bool"},
	"Int2":        {kind: "int", bits: 16, gorm: "int"},
	"Int4":        {kind: "int", bits: 32, gorm: "int"},
	"Int8":        {kind: "int", bits: 64, gorm: "int"},
	"Float4":      {kind: "float", bits: 32, gorm: "float"},
	"Float8":      {kind: "float", bits: 64, gorm: "float"},
	"Numeric":     {kind: "decimal", gorm: "custom"},
	"Timestamptz": {kind: "time", gorm: "time"},
	"Timestamp":   {kind: "timestamp", gorm: "time"},
	"Date":        {kind: "date", gorm: "time"},
	"Time":        {kind: "timeofday", gorm: "int"},
	"Interval":    {kind: "interval", gorm: "int"},
	"UUID":        {kind: "uuid", gorm: "bytes"},
	"JSON":        {kind: "json", gorm: "bytes"},
	"JSONB":       {kind: "json", gorm: "bytes"},
	"Bytea":       {kind: "bytes", gorm: "bytes"},
	"Inet":        {kind: "custom", why: "pgtype.Inet"},
}

var basicTypes = map[string]goType{
	"string":  {kind: "string", gorm: "string"},
	"bool":    {kind: "bool", gorm: "bool"},
	"int":     {kind: "int", bits: 64, gorm: "int"},
	"int64":   {kind: "int", bits: 64, gorm: "int"},
	"int32":   {kind: "int", bits: 32, gorm: "int"},
	"rune":    {kind: "int", bits: 32, gorm: "int"},
	"int16":   {kind: "int", bits: 16, gorm: "int"},
	"int8":    {kind: "int", bits: 8, gorm: "int"},
	"uint":    {kind: "uint", bits: 64, unsigned: true, gorm: "uint"},
	"uint64":  {kind: "uint", bits: 64, unsigned: true, gorm: "uint"},
	"uint32":  {kind: "uint", bits: 32, unsigned: true, gorm: "uint"},
	"uint16":  {kind: "uint", bits: 16, unsigned: true, gorm: "uint"},
	"uint8":   {kind: "uint", bits: 8, unsigned: true, gorm: "uint"},
	"byte":    {kind: "uint", bits: 8, unsigned: true, gorm: "uint"},
	"float64": {kind: "float", bits: 64, gorm: "float"},
	"float32": {kind: "float", bits: 32, gorm: "float"},
}

// resolve classifies a field type expression written in file f.
func (p *pkg) resolve(x ast.Expr, f *ast.File) goType {
	return p.resolveDepth(x, f, 0)
}

func (p *pkg) resolveDepth(x ast.Expr, f *ast.File, depth int) goType {
	if depth > 20 {
		return goType{why: "type definition cycle"}
	}
	switch t := x.(type) {
	case *ast.StarExpr:
		g := p.resolveDepth(t.X, f, depth+1)
		g.pointer = true
		g.nullable = true
		return g
	case *ast.ParenExpr:
		return p.resolveDepth(t.X, f, depth+1)
	case *ast.Ident:
		if td, ok := p.decls[t.Name]; ok {
			switch ut := td.spec.Type.(type) {
			case *ast.StructType:
				if td.spec.TypeParams != nil {
					return goType{why: "generic struct " + t.Name}
				}
				return goType{kind: "struct", structName: t.Name, named: td}
			default:
				g := p.resolveDepth(ut, td.file, depth+1)
				if g.kind == "struct" && g.external == "" {
					// type A B where B is a local struct: A is that struct.
					return g
				}
				if g.named == nil || td.spec.Assign == 0 {
					g.named = td
				}
				if d, ok := td.directives["type"]; ok {
					g.sqlTypes = parseTypeDirective(d.value)
					if g.kind == "" {
						g.kind, g.why = "custom", ""
					}
				}
				if d, ok := td.directives["enum"]; ok {
					g.enum = splitEnum(d.value)
				}
				return g
			}
		}
		if b, ok := basicTypes[t.Name]; ok {
			return b
		}
		return goType{why: "unknown type " + t.Name}
	case *ast.SelectorExpr:
		pk, ok := t.X.(*ast.Ident)
		if !ok {
			return goType{why: "unsupported type " + exprString(t)}
		}
		ip, ok := fileImports(f)[pk.Name]
		if !ok {
			return goType{why: "unknown package " + pk.Name}
		}
		if g, ok := knownExternal[ip+"."+t.Sel.Name]; ok {
			if g.why != "" {
				return goType{why: "type " + exprString(t) + " has no default SQL type"}
			}
			return g
		}
		if ip == "github.com/jackc/pgx/v5/pgtype" || ip == "github.com/jackc/pgtype" || ip == "github.com/jackc/pgx/v4/pgtype" {
			if g, ok := pgtypeTypes[t.Sel.Name]; ok && g.why == "" {
				g.nullable = true
				return g
			}
		}
		return goType{why: "type " + exprString(t) + " (from " + ip + ") is not one retort knows"}
	case *ast.ArrayType:
		if t.Len == nil {
			if id, ok := t.Elt.(*ast.Ident); ok && (id.Name == "byte" || id.Name == "uint8") {
				return goType{kind: "bytes", gorm: "bytes"}
			}
			el := p.resolveDepth(t.Elt, f, depth+1)
			if el.kind == "struct" && el.external == "" {
				return goType{kind: "struct", structName: el.structName, named: el.named, slice: true, pointer: el.pointer}
			}
			switch el.kind {
			case "string", "int", "uint", "float", "bool", "uuid", "decimal", "time":
				if !el.pointer {
					return goType{kind: "array", elem: el.kind, bits: el.bits, gorm: ""}
				}
			}
			return goType{why: "slice type " + exprString(t) + " has no SQL mapping"}
		}
		return goType{why: "array type " + exprString(t) + " has no SQL mapping"}
	case *ast.IndexExpr:
		// sql.Null[T]
		if sel, ok := t.X.(*ast.SelectorExpr); ok {
			if pk, ok := sel.X.(*ast.Ident); ok && fileImports(f)[pk.Name] == "database/sql" && sel.Sel.Name == "Null" {
				g := p.resolveDepth(t.Index, f, depth+1)
				if g.kind != "" && g.kind != "struct" {
					g.nullable = true
					return g
				}
			}
		}
		return goType{why: "generic type " + exprString(t) + " has no SQL mapping"}
	}
	return goType{why: "type " + exprString(x) + " has no SQL mapping"}
}

// parseTypeDirective reads "jsonb,mysql=json" into per-dialect types.
func parseTypeDirective(v string) map[string]string {
	parts := splitTop(v, ',')
	out := map[string]string{}
	for i, part := range parts {
		part = strings.TrimSpace(part)
		if i > 0 {
			if k, val, ok := cutSub(part); ok && isDialect(k) {
				out[k] = val
				continue
			}
		}
		if i == 0 {
			out[""] = part
		} else {
			out[""] += "," + part
		}
	}
	return out
}

func splitEnum(v string) []string {
	var out []string
	for _, s := range strings.Split(v, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
