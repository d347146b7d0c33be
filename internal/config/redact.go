package config

import (
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/internal/dialect"
)

// Mask is what replaces a password.
const Mask = "***"

// Two layers keep passwords out of what retort prints:
//
//   - Redact works on any text without knowing any password: it masks what
//     stands where a password stands (URL userinfo, a go-sql-driver DSN,
//     password=… pairs), even in URLs that do not parse.
//   - A Redactor knows the connection strings in use. Secrets reads every
//     password they could hold, by several lenient readings, and the
//     Redactor removes each one, in every spelling an output could use,
//     wherever it appears: in a driver's message, a JSON field, a script.
//
// Neither depends on a URL parsing successfully.

// secretKey matches the names of keys whose values are secrets.
const secretKey = `[\w.\-]*(?:pass|pwd|secret|token)[\w.\-]*`

var (
	// A run of text that holds no whitespace or quote: a URL or DSN in
	// free text is one token.
	token = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("[^\\s'\"<>`]+") })
	// scheme://…, inside a token.
	urlInText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://.*`) })
	// key=value pairs whose key names a secret (password, sslpassword,
	// _auth_pass, pwd, passwd, passphrase, client_secret, api_token, …).
	// In a key=value DSN (libpq, ODBC) or an environment dump a value ends
	// at whitespace, unless quoted (libpq: 'it\'s'); in a URL query it ends
	// at "&" or "#" too.
	kvSecret = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(^|[\s,(])(` + secretKey + `)(\s*=\s*)('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|[^\s` + "`" + `]*)`)
	})
	querySecret = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)([?&;])(` + secretKey + `)(=)([^\s&#` + "`" + `]*)`)
	})
	// Where a value starts, whatever ends it.
	secretValue = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(?:^|[\s,(?&;])(?:` + secretKey + `)\s*=\s*`) })
	// A URL whose password holds whitespace: scheme://user:pass word@…
	urlSpacedPassword = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:'"]*):([^\s@'"]*\s[^@\n'"]*?)@`)
	})
	// go-sql-driver DSNs: user:password@tcp(host)/db; the password may
	// hold spaces.
	mysqlDSN = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([^\s:/@'"(]*):[^\n'"]*?@(tcp6?|unix|udp)\(`) })
)

// Redact replaces every password in raw by "***": the password of a URL
// (user:password@host, also when the URL is malformed, as in
// postgres:/user:password@host or postgres:password@host), of a
// go-sql-driver DSN (user:password@tcp(host)/db), and the value of
// password=…, _auth_pass=…, sslpassword=… and similar pairs in key=value
// connection strings and URL queries. raw may be a single URL or free text
// such as a driver's error message; everything else is kept. When a URL is
// ambiguous, more is hidden rather than less.
func Redact(raw string) string {
	if !mayHoldSecret(raw) {
		return raw
	}
	return redactShapes(raw)
}

// mayHoldSecret reports whether s has a character every masked shape needs:
// a password stands after userinfo's "@" or a key's "=". Text with neither
// (most log lines: Redact runs on each one) skips the regular expressions.
func mayHoldSecret(s string) bool { return strings.ContainsAny(s, "@=") }

// redactShapes is Redact without the shortcut.
func redactShapes(raw string) string {
	if raw == "" {
		return raw
	}
	s := token().ReplaceAllStringFunc(raw, redactToken)
	s = urlSpacedPassword().ReplaceAllString(s, "$1:"+Mask+"@")
	return redactKV(s)
}

// redactURL redacts one URL, which may contain spaces: every password any
// reading of it finds, then by shape. In this order: masking by shape
// first could cut a password holding a space or a quote in two, and leave
// pieces that are no longer the password the second step looks for.
func redactURL(s string) string { return Redact(scrub(s, spellingsOf(Secrets(s)))) }

func redactKV(s string) string {
	s = mysqlDSN().ReplaceAllString(s, "$1:"+Mask+"@$2(")
	for _, re := range []*regexp.Regexp{querySecret(), kvSecret()} {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			sub := re.FindStringSubmatch(m)
			if sub[4] == "" || sub[4] == Mask {
				return m
			}
			return sub[1] + sub[2] + sub[3] + Mask
		})
	}
	return s
}

// redactToken masks the password of the URL or DSN that tok may be.
func redactToken(tok string) string {
	if strings.Contains(tok, "://") {
		return urlInText().ReplaceAllStringFunc(tok, redactUserinfo)
	}
	return redactLoose(tok)
}

// redactLoose masks the userinfo of something that is not quite a URL:
// "postgres:/user:pw@h/db", "postgres:pw@h/db", "user:pw@tcp(h)/db". What
// lies between the first ":" and the last "@" is userinfo; its part after a
// ":" is the password, or all of it when it has no ":" (is "pw" in
// postgres:pw@h a user or a password? hide it).
func redactLoose(tok string) string {
	at := strings.LastIndexByte(tok, '@')
	if at < 0 {
		return tok
	}
	c := strings.IndexByte(tok[:at], ':')
	if c < 0 {
		return tok
	}
	start := c + 1
	for start < at && tok[start] == '/' {
		start++
	}
	if start == at {
		return tok
	}
	if c2 := strings.IndexByte(tok[start:at], ':'); c2 >= 0 {
		start += c2 + 1
	}
	return tok[:start] + Mask + tok[at:]
}

// redactUserinfo masks the password of one URL.
func redactUserinfo(s string) string {
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	if u, ok := splitURL(s); ok {
		if !u.hasPassword {
			return s
		}
		return s[:u.pwStart] + Mask + s[u.pwEnd:]
	}
	// Not parseable: hide everything between the first ":" after the scheme
	// and the last "@".
	rest := s[i+3:]
	at := strings.LastIndexByte(rest, '@')
	if at < 0 {
		return s
	}
	c := strings.IndexByte(rest[:at], ':')
	if c < 0 {
		return s
	}
	return s[:i+3+c+1] + Mask + s[i+3+at:]
}

// schemePrefix is what comes before the first ":" of a URL or MySQL DSN.
var schemePrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[^:/@?#\r\n]*:`) })

// Secrets returns every string that some reading of the connection string
// raw takes for a password, percent-decoded and as written: the userinfo
// password for every "@" that could end the userinfo (a raw "@" in a
// password makes the first and the last "@" both plausible), with or
// without "//" after the scheme (postgres:/u:pw@h, postgres:pw@h), a
// go-sql-driver DSN's user:pw@tcp(…), and the values of password=,
// _auth_pass=, sslpassword= and similar keys in a query or a key=value
// string. It never fails: text that is no connection string has none.
func Secrets(raw string) []string {
	s := strings.TrimSpace(raw)
	var out []string
	add := func(v string) {
		if v == "" {
			return
		}
		out = append(out, v)
		if d := unquote(v); d != v {
			out = append(out, d)
		}
	}
	if m := schemePrefix().FindStringIndex(s); m != nil {
		rest := s[m[1]:]
		trimmed := strings.TrimLeft(rest, "/")
		slashes := len(rest) - len(trimmed)
		authority := slashes == 2
		if !authority && isSQLiteScheme(s[:m[1]-1]) {
			trimmed = "" // a file path, which may hold an "@"
		}
		for i := 0; i < len(trimmed); i++ {
			if trimmed[i] != '@' {
				continue
			}
			ui := trimmed[:i]
			_, pw, hasPW := strings.Cut(ui, ":")
			if hasPW {
				add(pw)
			}
			// Without "//" what precedes may be a password whole:
			// postgres:pw@h, and user:pa:ss@tcp(h) where the "scheme" is
			// the user. postgres:/u:pw@h keeps its user.
			if slashes == 0 || !authority && !hasPW {
				add(ui)
			}
		}
	}
	// In a URL query a value ends at "&", ";" or "#"; in a key=value DSN
	// at whitespace, or at its closing quote.
	for _, m := range secretValue().FindAllStringIndex(s, -1) {
		v := s[m[1]:]
		if i := strings.IndexAny(v, " \t\r\n"); i >= 0 {
			v = v[:i]
		}
		if strings.ContainsRune("?&;", rune(s[m[0]])) {
			if i := strings.IndexAny(v, "&;#"); i >= 0 {
				v = v[:i]
			}
			add(v)
			if d, err := url.QueryUnescape(v); err == nil {
				add(d)
			}
			continue
		}
		add(v)
		if sub := kvSecret().FindStringSubmatch(s[m[0]:]); sub != nil {
			if w := sub[4]; len(w) >= 2 && (w[0] == '\'' || w[0] == '"') && w[len(w)-1] == w[0] {
				add(w)
				add(unescapeQuoted(w[1 : len(w)-1]))
			}
		}
	}
	return dedupe(out)
}

func isSQLiteScheme(scheme string) bool {
	base, _, _ := strings.Cut(strings.ToLower(scheme), "+")
	if base == "file" { // SQLite's own URI form
		return true
	}
	name, ok := dialect.Canonical(base)
	if !ok {
		return false
	}
	info, _ := dialect.Info(name)
	return info.FileDatabase
}

// unescapeQuoted undoes libpq's backslash escapes in a quoted value.
func unescapeQuoted(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// spellings returns the ways an output could write password p: as is,
// percent-decoded, and escaped for a URL's userinfo, path and query, a Go
// %q, JSON (with and without HTML escaping) and a libpq quoted value.
func spellings(p string) []string {
	forms := []string{p, unquote(p)}
	if d, err := url.QueryUnescape(p); err == nil {
		forms = append(forms, d)
	}
	var out []string
	for _, f := range forms {
		q := strconv.Quote(f)
		out = append(out, f,
			url.QueryEscape(f),
			url.PathEscape(f),
			strings.TrimPrefix(url.UserPassword("", f).String(), ":"),
			q[1:len(q)-1],
			jsonString(f, true),
			jsonString(f, false),
			strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(f),
		)
	}
	return dedupe(out)
}

func jsonString(s string, html bool) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(html)
	_ = enc.Encode(s)
	j := strings.TrimSuffix(b.String(), "\n")
	return j[1 : len(j)-1]
}

func spellingsOf(secrets []string) []string {
	var out []string
	for _, s := range secrets {
		out = append(out, spellings(s)...)
	}
	return dedupe(out)
}

func dedupe(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Secrets shorter than minSecret are left to Redact: replacing "pw" in
// every word would make messages unreadable and protect little. Those
// shorter than minAnywhere are replaced only where they stand alone
// (between characters that are not letters or digits), so that the
// password "app" does not turn "application" into "***lication".
const (
	minSecret   = 3
	minAnywhere = 6
)

// scrub replaces every secret in s by Mask, longest first.
func scrub(s string, secrets []string) string {
	sorted := append([]string(nil), secrets...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, p := range sorted {
		switch {
		case len(p) < minSecret || !strings.Contains(s, p):
		case len(p) >= minAnywhere:
			s = strings.ReplaceAll(s, p, Mask)
		default:
			s = replaceStandalone(s, p)
		}
	}
	return s
}

// replaceStandalone replaces the occurrences of p in s that no letter or
// digit touches on either side.
func replaceStandalone(s, p string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, p)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(p)
		if (i > 0 && isAlnum(s[i-1])) || (end < len(s) && isAlnum(s[end])) {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteString(Mask)
		s = s[end:]
	}
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// A Redactor removes the passwords of known connection strings from any
// text, in every spelling (see Secrets), on top of what Redact masks. It is
// safe for concurrent use; connection strings may be added while it is in
// use (a command learns its URL only after reading the configuration).
type Redactor struct {
	mu      sync.RWMutex
	secrets []string
	seen    map[string]bool
}

// NewRedactor returns a Redactor for the passwords of the connection
// strings raws.
func NewRedactor(raws ...string) *Redactor {
	r := &Redactor{seen: map[string]bool{}}
	r.Add(raws...)
	return r
}

// Add remembers the passwords of more connection strings.
func (r *Redactor) Add(raws ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, raw := range raws {
		if raw == "" || r.seen[raw] {
			continue
		}
		r.seen[raw] = true
		r.secrets = dedupe(append(r.secrets, spellingsOf(Secrets(raw))...))
	}
}

// Scrub removes the known passwords from s and nothing else: for data
// (a SQL script, JSON) where masking by shape could change what is not a
// password.
func (r *Redactor) Scrub(s string) string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return scrub(s, r.secrets)
}

// Redact removes the known passwords and masks others by shape (the
// package's Redact): for messages.
func (r *Redactor) Redact(s string) string { return Redact(r.Scrub(s)) }

// Error returns err with its message redacted, or nil. The result matches
// what err matches with errors.Is, but does not unwrap: the original text
// stays out of reach.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	return &RedactedError{msg: r.Redact(err.Error()), err: err}
}

// RedactedError is an error whose message has its passwords removed. It
// matches the original's sentinels with errors.Is, and nothing with
// errors.As, which would reach the unredacted text.
type RedactedError struct {
	msg string
	err error
}

func (e *RedactedError) Error() string { return e.msg }

// Is reports whether the original error matches target.
func (e *RedactedError) Is(target error) bool { return errors.Is(e.err, target) }

// ScrubWriter returns a writer that removes the known passwords from each
// write to w (see Scrub). Each write is scrubbed on its own: a password
// split across two writes is not found, so write whole lines or documents.
func (r *Redactor) ScrubWriter(w io.Writer) io.Writer {
	return &redactWriter{w: w, fn: r.Scrub}
}

// RedactWriter returns a writer that redacts each write to w (see Redact).
func (r *Redactor) RedactWriter(w io.Writer) io.Writer {
	return &redactWriter{w: w, fn: r.Redact}
}

type redactWriter struct {
	w  io.Writer
	fn func(string) string
}

func (w *redactWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(w.w, w.fn(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
