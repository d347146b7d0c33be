package config

import (
	"regexp"
	"strings"
)

// Mask is what replaces a password.
const Mask = "***"

var (
	// scheme://…, up to whitespace or a quote: one URL in free text.
	urlInText = regexp.MustCompile(`[A-Za-z][A-Za-z0-9+.\-]*://[^\s'"<>` + "`" + `]*`)
	// password=…, pwd=… in key=value DSNs (libpq, ODBC) and URL queries.
	kvPassword = regexp.MustCompile(`(?i)\b((?:ssl)?password|passwd|pwd)(\s*=\s*)('[^']*'|"[^"]*"|[^\s&;,'")]*)`)
	// A URL whose password holds whitespace: scheme://user:pass word@…
	urlSpacedPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.\-]*://[^\s/@:'"]*):([^\s@'"]*\s[^@\n'"]*?)@`)
	// go-sql-driver DSNs: user:password@tcp(host)/db.
	mysqlDSN = regexp.MustCompile(`([^\s:/@'"(]*):[^\n'"]*?@(tcp6?|unix|udp)\(`)
)

// Redact replaces every password in raw by "***": the password of a URL
// (user:password@host), of a go-sql-driver DSN (user:password@tcp(host)/db),
// and password=… in key=value connection strings and URL queries. raw may be
// a single URL or free text such as a driver's error message; everything
// else is kept. When a URL is ambiguous, more is hidden rather than less.
func Redact(raw string) string {
	if raw == "" {
		return raw
	}
	s := urlInText.ReplaceAllStringFunc(raw, redactUserinfo)
	s = urlSpacedPassword.ReplaceAllString(s, "$1:"+Mask+"@")
	return redactKV(s)
}

// redactURL redacts one URL, which may contain spaces.
func redactURL(s string) string { return redactKV(redactUserinfo(s)) }

func redactKV(s string) string {
	s = mysqlDSN.ReplaceAllString(s, "$1:"+Mask+"@$2(")
	s = kvPassword.ReplaceAllStringFunc(s, func(m string) string {
		sub := kvPassword.FindStringSubmatch(m)
		if sub[3] == "" {
			return m
		}
		return sub[1] + sub[2] + Mask
	})
	return s
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
