package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Redact masks by shape, also where the URL does not parse.
func TestRedactMalformed(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"postgresql:/app:S3cret@h/db", "postgresql:/app:***@h/db"},
		{"postgres:S3cret@h/x", "postgres:***@h/x"},
		{"mysql:app:S3cret@h/db", "mysql:app:***@h/db"},
		{`unsupported database URL "postgres:S3cret@h/x": not a URL`, `unsupported database URL "postgres:***@h/x": not a URL`},
		{"file:x.db?_auth_pass=S3cret", "file:x.db?_auth_pass=***"},
		{"sqlite:///x.db?mode=ro&_auth_pass=S3cret&_auth_user=u", "sqlite:///x.db?mode=ro&_auth_pass=***&_auth_user=u"},
		{"postgresql://app:p@ss/word@h/db", "postgresql://app:***@h/db"},
		{"postgresql://app:p@ss?x@h/db", "postgresql://app:***@h/db"},
		{`host=h password='it\'s here' dbname=d`, "host=h password=*** dbname=d"},
		{`host=h password="a b" dbname=d`, "host=h password=*** dbname=d"},
		{"PGPASSWORD=S3cret psql", "PGPASSWORD=*** psql"},
		{"h/db?passwd=a&pwd=b&passphrase=c&client_secret=d&api_token=e&sslkey=/k.pem",
			"h/db?passwd=***&pwd=***&passphrase=***&client_secret=***&api_token=***&sslkey=/k.pem"},
		{"cannot parse `host=h password=S3cret`: bad", "cannot parse `host=h password=***`: bad"},
		// No password: nothing changes.
		{"Access denied for user 'app'@'127.0.0.1' (using password: YES)", "Access denied for user 'app'@'127.0.0.1' (using password: YES)"},
		{"upgrade lbl@head: 3 steps", "upgrade lbl@head: 3 steps"},
		{"postgresql://app@h/db?application_name=me@host", "postgresql://app@h/db?application_name=me@host"},
		{"mysql://root@127.0.0.1:3306/db", "mysql://root@127.0.0.1:3306/db"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// Secrets finds the password of every shape a connection string comes in,
// by every reading that could be meant.
func TestSecrets(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string // each must be among the secrets
	}{
		{"postgresql://app:S3cret@h/db", []string{"S3cret"}},
		{"postgresql://app:p%40ss@h/db", []string{"p%40ss", "p@ss"}},
		{"postgresql://app:p@ss/word@h/db", []string{"p", "p@ss/word"}},
		{"postgresql:/app:S3cret@h/db", []string{"S3cret"}},
		{"postgres:S3cret@h/x", []string{"S3cret"}},
		{"app:S3cret@tcp(127.0.0.1:3306)/db", []string{"S3cret"}},
		{"app:pa:ss@tcp(h)/db", []string{"pa:ss"}},
		{"file:x.db?_auth_pass=S3cret", []string{"S3cret"}},
		{"sqlite:///x.db?password=S%203cret", []string{"S%203cret", "S 3cret"}},
		{"sqlite:///x.db?password=S+3cret", []string{"S+3cret", "S 3cret"}},
		{"host=h user=u password='it\\'s' dbname=d", []string{"it's"}},
		{"host=h password=S3cret sslpassword=K3y", []string{"S3cret", "K3y"}},
		{"postgresql://app:sp ace@h/db", []string{"sp ace"}},
	}
	for _, tt := range tests {
		got := Secrets(tt.in)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Secrets(%q) = %q, lacks %q", tt.in, got, w)
			}
		}
	}
	for _, none := range []string{"", "sqlite:///app.db", "postgresql://app@h/db", "mysql://root@h/db?application_name=a@b",
		"sqlite:////home/me@work/app.db", "file:/srv/a@b/app.db", "sqlite+pysqlite:///data@2/app.db"} {
		if got := Secrets(none); len(got) != 0 {
			t.Errorf("Secrets(%q) = %q, want none", none, got)
		}
	}
}

// A Redactor finds a password in each spelling an output may use, and leaves
// short passwords inside words alone.
func TestRedactorSpellings(t *testing.T) {
	t.Parallel()
	const pw = `p@ss "w/rd" <&> 100%`
	r := NewRedactor("postgresql://app:" + url.QueryEscape(pw) + "@h/db")
	for _, spelled := range []string{
		pw, url.QueryEscape(pw), url.PathEscape(pw), fmt.Sprintf("%q", pw),
		`p@ss \"w/rd\" \u003c\u0026\u003e 100%`, `p@ss \"w/rd\" <&> 100%`,
		strings.TrimPrefix(url.UserPassword("", pw).String(), ":"),
	} {
		text := "before " + spelled + " after"
		got := r.Redact(text)
		if strings.Contains(got, "ss") || strings.Contains(got, "rd") || !strings.Contains(got, Mask) ||
			!strings.HasPrefix(got, "before ") || !strings.HasSuffix(got, " after") {
			t.Errorf("Redact(%q) = %q", text, got)
		}
	}
	short := NewRedactor("mysql://app:app@h/db")
	if got, want := short.Scrub("user app: application 'app'@h"), "user ***: application '***'@h"; got != want {
		t.Errorf("Scrub with a short password = %q, want %q", got, want)
	}
	var buf strings.Builder
	w := NewRedactor("postgres://u:S3cretXY@h/db").ScrubWriter(&buf)
	if n, err := fmt.Fprint(w, "a S3cretXY b"); err != nil || n != len("a S3cretXY b") {
		t.Errorf("Write = %d, %v", n, err)
	}
	if buf.String() != "a *** b" {
		t.Errorf("ScrubWriter wrote %q", buf.String())
	}
}

// ParseURL's errors keep matching their sentinels but never give the
// unredacted error back.
func TestParseURLErrorIsRedacted(t *testing.T) {
	t.Parallel()
	_, err := ParseURL("oracle://u:S3cretXY@h/db")
	if !errors.Is(err, ErrUnsupportedScheme) {
		t.Fatalf("err = %v, want ErrUnsupportedScheme", err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), "S3cretXY") {
			t.Errorf("an unwrapped error shows the password: %v", e)
		}
	}
}

// redactURLForms put a password where each kind of connection string holds one;
// %[1]s is the password, %[2]s the user, %[3]s what follows the host.
var redactURLForms = []string{
	"postgresql://%[2]s:%[1]s@127.0.0.1:1/db%[3]s",
	"postgresql+psycopg2://%[2]s:%[1]s@h/db%[3]s",
	"postgres://%[2]s:%[1]s@h%[3]s",
	"pgx://%[2]s:%[1]s@[::1]:1/db%[3]s",
	"mysql+pymysql://%[2]s:%[1]s@127.0.0.1:1/db%[3]s",
	"mariadb://%[2]s:%[1]s@h/db%[3]s",
	"postgresql:/%[2]s:%[1]s@h/db%[3]s",
	"postgres:%[1]s@h/x%[3]s",
	"%[2]s:%[1]s@tcp(127.0.0.1:1)/db%[3]s",
	"host=h user=%[2]s password=%[1]s dbname=d%[3]s",
	"postgresql://%[2]s@h/db?password=%[1]s%[3]s",
	"file:x.db?_auth_pass=%[1]s%[3]s",
	"sqlite:///x.db?sslpassword=%[1]s%[3]s",
	"oracle://%[2]s:%[1]s@h/db%[3]s",
}

// passwordLike is the fuzz targets' "password-like token": long enough to
// be told apart from the text around it, no whitespace at its ends (a
// reader of the URL would take it off), and not already part of the user
// name, the rest of the URL, or the form.
func passwordLike(pw, user, tail, form string) bool {
	return len(pw) >= minAnywhere && utf8.ValidString(pw) && strings.TrimSpace(pw) == pw &&
		!strings.Contains(user, pw) && !strings.Contains(tail, pw) && !strings.Contains(form, pw) &&
		!strings.ContainsAny(user, ":@/?#") && !strings.ContainsFunc(user, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
}

// FuzzRedactURL: whatever the URL, its password is in no ParseURL error, no
// Redacted form, and nothing a Redactor for it has seen: not the driver data
// source, not text that quotes the URL.
func FuzzRedactURL(f *testing.F) {
	for i := range redactURLForms {
		for _, pw := range []string{"S3cretTok", "p@ss/w0rdTok", "c0l:on?q#h%zz", `sp ace'quo"te`, "P%40ss%2Fw%3Ard", "pl+us&am=p"} {
			f.Add(uint8(i), "app", pw, "")
		}
		f.Add(uint8(i), "app", "S3cretTok", "?sslmode=bogus")
		f.Add(uint8(i), "app", "S3cretTok", "?x=%zz")
	}
	f.Fuzz(func(t *testing.T, form uint8, user, pw, tail string) {
		shape := redactURLForms[int(form)%len(redactURLForms)]
		if !passwordLike(pw, user, tail, shape) {
			t.Skip()
		}
		raw := fmt.Sprintf(shape, pw, user, tail)
		r := NewRedactor(raw)
		check := func(what, s string) {
			t.Helper()
			if strings.Contains(s, pw) {
				t.Errorf("%s of %q shows the password %q: %q", what, raw, pw, s)
			}
		}
		check("Redactor", r.Redact("cannot connect to "+raw+": refused"))
		check("Redactor, quoted", r.Redact(fmt.Sprintf("url %q", raw)))
		d, err := ParseURL(raw)
		if err != nil {
			check("ParseURL error", err.Error())
			return
		}
		check("Redacted", d.Redacted)
		check("String", d.String())
		check("DataSource through the Redactor", r.Redact(d.DataSource))
		check("DataSource through the Redactor, quoted", r.Redact(fmt.Sprintf("%q", d.DataSource)))
	})
}

// Redact's shortcut for text holding no "@" or "=" changes nothing: the
// full masking leaves such text as it is, whatever it holds.
func FuzzRedactShortcut(f *testing.F) {
	for _, s := range []string{
		"upgrade  -> be0000000000, r00000", "postgresql://app:S3cret/h/db", "postgres:S3cret:h/x",
		"PGPASSWORD S3cret", "file:x.db?_auth_pass", "mysql:app:S3cret(tcp)/db", "a://b:c d e",
		"postgresql://app:p@ss/word@h/db", "host=h password='x'", "user:pw@tcp(h)/db",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, full := Redact(s), redactShapes(s); got != full {
			t.Errorf("Redact(%q) = %q, the full masking gives %q", s, got, full)
		}
	})
}
