package script

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultFileTemplate is Alembic's default file_template.
const DefaultFileTemplate = "%(rev)s_%(slug)s"

// DefaultTruncateSlugLength is Alembic's default truncate_slug_length.
const DefaultTruncateSlugLength = 40

const fileTemplateTokens = "rev, slug, epoch, year, month, day, hour, minute, second"

// FileName expands an Alembic file_template ("%(rev)s_%(slug)s"; tokens rev,
// slug, epoch, year, month, day, hour, minute, second) and appends ".sql".
//
// Conversions follow Python's %-formatting: %(name)s, %(name)d (also i and
// u), with flags "-", "0", "+", " ", a width and a precision ("%(month).2d",
// "%(day)02d", "%(slug).20s"); "%%" is a literal "%". The result may contain
// "/" (subdirectories of the version location) but no ".." and no leading
// "/", and its last element must not start with ".".
func FileName(template, rev, slug string, t time.Time) (string, error) {
	strs := map[string]string{"rev": rev, "slug": slug}
	ints := map[string]int64{
		"epoch": t.Unix(), "year": int64(t.Year()), "month": int64(t.Month()), "day": int64(t.Day()),
		"hour": int64(t.Hour()), "minute": int64(t.Minute()), "second": int64(t.Second()),
	}
	var b strings.Builder
	for i := 0; i < len(template); {
		c := template[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(template) && template[i+1] == '%' {
			b.WriteByte('%')
			i += 2
			continue
		}
		if i+1 >= len(template) || template[i+1] != '(' {
			return "", fmt.Errorf("file_template %q: %q at offset %d must start a token like %q; write %q for a literal percent sign",
				template, "%", i, "%(rev)s", "%%")
		}
		closing := strings.IndexByte(template[i+2:], ')')
		if closing < 0 {
			return "", fmt.Errorf("file_template %q: %q is not closed by %q", template, template[i:], ")")
		}
		name := template[i+2 : i+2+closing]
		j := i + 2 + closing + 1
		var spec fmtSpec
		for ; j < len(template) && strings.IndexByte("-+ #0", template[j]) >= 0; j++ {
			switch template[j] {
			case '-':
				spec.left = true
			case '0':
				spec.zero = true
			case '+':
				spec.plus = true
			case ' ':
				spec.space = true
			}
		}
		spec.width, j = digits(template, j)
		spec.prec = -1
		if j < len(template) && template[j] == '.' {
			spec.prec, j = digits(template, j+1)
		}
		if j >= len(template) {
			return "", fmt.Errorf("file_template %q: %q lacks a conversion such as s or d", template, template[i:])
		}
		conv := template[j]
		j++
		var out string
		sv, isStr := strs[name]
		iv, isInt := ints[name]
		switch {
		case !isStr && !isInt:
			return "", fmt.Errorf("file_template %q: unknown token %q; use %s", template, name, fileTemplateTokens)
		case conv == 's' && isStr:
			out = spec.str(sv)
		case conv == 's':
			out = spec.str(strconv.FormatInt(iv, 10))
		case (conv == 'd' || conv == 'i' || conv == 'u') && isInt:
			out = spec.int(iv)
		case conv == 'd' || conv == 'i' || conv == 'u':
			return "", fmt.Errorf("file_template %q: token %q is text; format it with %q", template, name, "%("+name+")s")
		default:
			return "", fmt.Errorf("file_template %q: unsupported conversion %q in %q; use s or d",
				template, string(conv), template[i:j])
		}
		b.WriteString(out)
		i = j
	}
	name := b.String() + ".sql"
	if strings.HasPrefix(name, "/") || strings.HasPrefix(path.Base(name), ".") || strings.HasSuffix(b.String(), "/") {
		return "", fmt.Errorf("file_template %q gives the file name %q: it must be a relative path whose file name does not start with \".\"", template, name)
	}
	for _, elem := range strings.Split(name, "/") {
		if elem == ".." || elem == "." || elem == "" {
			return "", fmt.Errorf("file_template %q gives the file name %q: empty, \".\" and \"..\" path elements are not allowed", template, name)
		}
	}
	return name, nil
}

func digits(s string, i int) (int, int) {
	n := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		if n < 1<<20 {
			n = n*10 + int(s[i]-'0')
		}
	}
	return n, i
}

// fmtSpec is a Python %-format conversion spec.
type fmtSpec struct {
	left, zero, plus, space bool
	width, prec             int // prec -1: none
}

func (s fmtSpec) pad(v string, zeroOK bool) string {
	n := utf8.RuneCountInString(v)
	if n >= s.width {
		return v
	}
	fill := strings.Repeat(" ", s.width-n)
	switch {
	case s.left:
		return v + fill
	case s.zero && zeroOK:
		sign := ""
		if v != "" && (v[0] == '-' || v[0] == '+' || v[0] == ' ') {
			sign, v = v[:1], v[1:]
		}
		return sign + strings.Repeat("0", s.width-n) + v
	}
	return fill + v
}

func (s fmtSpec) str(v string) string {
	if s.prec >= 0 && utf8.RuneCountInString(v) > s.prec {
		r := []rune(v)
		v = string(r[:s.prec])
	}
	return s.pad(v, false)
}

func (s fmtSpec) int(v int64) string {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	d := strconv.FormatUint(u, 10)
	if len(d) < s.prec {
		d = strings.Repeat("0", s.prec-len(d)) + d
	}
	switch {
	case neg:
		d = "-" + d
	case s.plus:
		d = "+" + d
	case s.space:
		d = " " + d
	}
	return s.pad(d, true)
}

// Slug turns a message into Alembic's slug (\w runs joined by "_", lowercased,
// truncated at truncate chars on a word boundary followed by "_").
//
// \w is Python's: letters, numbers and "_". Lengths count characters, as
// Python does. An empty message gives "".
func Slug(message string, truncate int) string {
	var words []string
	start := -1
	for i, r := range message {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, message[start:i])
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, message[start:])
	}
	slug := []rune(strings.ToLower(strings.Join(words, "_")))
	if len(slug) <= truncate {
		return string(slug)
	}
	cut := truncate
	if cut < 0 { // Python's slug[:-n]
		cut = max(len(slug)+truncate, 0)
	}
	s := string(slug[:cut])
	if i := strings.LastIndexByte(s, '_'); i >= 0 {
		s = s[:i]
	}
	return s + "_"
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
