package script

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct {
		msg      string
		truncate int
		want     string
	}{
		// Verified against Alembic.
		{"Add a VERY long message, with punctuation! And then some more words.", 40, "add_a_very_long_message_with_"},
		{"hello wonderful world, goodbye", 10, "hello_"},
		{"", 40, ""},
		{"add publish_records table", 40, "add_publish_records_table"},
		{"  --Add   index on trends.score!! ", 40, "add_index_on_trends_score"},
		{"Ünïcode café ☃ naïve 数据 表", 40, "ünïcode_café_naïve_数据_表"},
		{"exactly forty characters long message xx", 40, "exactly_forty_characters_long_message_xx"},
		{"abcdefghijklmnop", 5, "abcde_"},               // no "_" to cut at: keep the cut
		{"ab cdefghijklmnop", 5, "ab_"},                 // cut on the last "_"
		{"éééééééééé ééé", 4, "éééé_"},                  // lengths count characters, not bytes
		{"snake_case_name and more", 12, "snake_case_"}, // underscores inside words are word boundaries too
		{"numbers 123 ½ ²", 40, "numbers_123_½_²"},      // Python's \w includes every number
		{"e\u0301t\u0301e\u0301", 40, "e_t_e"},          // combining marks are not \w
		{"v2.0 — migrate", 0, "_"},                      // Python: slug[:0] + "_"
		{"one two three", -4, "one_two_"},               // Python slice from the end
		{"!!!", 40, ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.msg, tt.truncate); got != tt.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", tt.msg, tt.truncate, got, tt.want)
		}
	}
}

func TestFileName(t *testing.T) {
	t.Parallel()
	at := time.Date(2024, 3, 7, 9, 5, 2, 0, time.UTC)
	tests := []struct {
		template, want string
	}{
		{DefaultFileTemplate, "1f3a9c2b7d4e_add_table.sql"},
		{"%(rev)s", "1f3a9c2b7d4e.sql"},
		{"%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s", "2024_03_07_0905-1f3a9c2b7d4e_add_table.sql"},
		{"%(year)d/%(month)02d/%(rev)s", "2024/03/1f3a9c2b7d4e.sql"},
		{"%(epoch)d_%(rev)s", "1709802302_1f3a9c2b7d4e.sql"},
		{"%(second)s-%(second)d-%(second)3d-%(second)-3d|-%(second)+d-%(second) d", "2-2-  2-2  |-+2- 2.sql"},
		{"%(slug).3s_%(rev)5.4s_%(slug)-10s_%(slug)10s", "add_ 1f3a_add_table _ add_table.sql"},
		{"100%%_%(rev)s", "100%_1f3a9c2b7d4e.sql"},
		{"%(month)05.3d", "00003.sql"},
		{"%(slug)012s", "   add_table.sql"}, // Python ignores 0 for strings
		{"%(month)-05d%(day)+05d", "3    +0007.sql"},
	}
	for _, tt := range tests {
		got, err := FileName(tt.template, "1f3a9c2b7d4e", "add_table", at)
		if err != nil || got != tt.want {
			t.Errorf("FileName(%q) = %q, %v; want %q", tt.template, got, err, tt.want)
		}
	}
}

func TestFileNameErrors(t *testing.T) {
	t.Parallel()
	at := time.Date(2024, 3, 7, 9, 5, 2, 0, time.UTC)
	tests := []struct {
		template, slug, want string
	}{
		{"%(rev)s_%(name)s", "s", `file_template "%(rev)s_%(name)s": unknown token "name"; use rev, slug, epoch, year, month, day, hour, minute, second`},
		{"%(rev)s_%", "s", `file_template "%(rev)s_%": "%" at offset 8 must start a token like "%(rev)s"; write "%%" for a literal percent sign`},
		{"%s_%(rev)s", "s", `file_template "%s_%(rev)s": "%" at offset 0 must start a token like "%(rev)s"; write "%%" for a literal percent sign`},
		{"%(rev_%(slug)s", "s", `file_template "%(rev_%(slug)s": unknown token "rev_%(slug"; use rev, slug, epoch, year, month, day, hour, minute, second`},
		{"%(rev", "s", `file_template "%(rev": "%(rev" is not closed by ")"`},
		{"%(rev)", "s", `file_template "%(rev)": "%(rev)" lacks a conversion such as s or d`},
		{"%(rev)d", "s", `file_template "%(rev)d": token "rev" is text; format it with "%(rev)s"`},
		{"%(rev)x", "s", `file_template "%(rev)x": unsupported conversion "x" in "%(rev)x"; use s or d`},
		{"%(slug)s", "", `file_template "%(slug)s" gives the file name ".sql": it must be a relative path whose file name does not start with "."`},
		{"/%(rev)s", "s", `file_template "/%(rev)s" gives the file name "/1f3a.sql": it must be a relative path whose file name does not start with "."`},
		{"../%(rev)s", "s", `file_template "../%(rev)s" gives the file name "../1f3a.sql": empty, "." and ".." path elements are not allowed`},
		{"%(year)d//%(rev)s", "s", `file_template "%(year)d//%(rev)s" gives the file name "2024//1f3a.sql": empty, "." and ".." path elements are not allowed`},
	}
	for _, tt := range tests {
		got, err := FileName(tt.template, "1f3a", tt.slug, at)
		if err == nil || err.Error() != tt.want {
			t.Errorf("FileName(%q) = %q, %v\nwant error %s", tt.template, got, err, tt.want)
		}
	}
}

// TestNamingAgainstPython compares Slug, FileName and FormatCreateDate with
// Python's own re, %-formatting and str(datetime) when python3 is present.
func TestNamingAgainstPython(t *testing.T) {
	t.Parallel()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed: skipping the differential test")
	}
	msgs := []string{"Add a VERY long message, with punctuation! And then some more words.", "hello wonderful world, goodbye",
		"", "Ünïcode café ☃ naïve 数据 表 and a long tail of words", "e\u0301t\u0301e\u0301 numbers 123 ½ ² ٣", "snake_case_name and more and more and more",
		"ǅungla ǈ ǋ ᾈ Ⅻ ⅻ 〇 𝟘 x²", "tab\tnewline\nnbsp\u00a0zwsp\u200bend"}
	truncs := []int{40, 10, 5, 0}
	templates := []string{DefaultFileTemplate, "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s",
		"%(epoch)d/%(second)05.3d/%(minute)-4d|%(hour)+d|%(day) d|%(slug).5s|%(rev)12s|%(slug)-12s|100%%"}
	dates := []time.Time{time.Date(2026, 11, 25, 18, 2, 53, 485865000, time.UTC), time.Date(2024, 3, 12, 10, 0, 0, 0, time.UTC),
		time.Date(2001, 2, 3, 4, 5, 6, 7000, time.FixedZone("", -(9*3600+30*60)))}
	input, _ := json.Marshal(map[string]any{"msgs": msgs, "truncs": truncs, "templates": templates,
		"dates": func() (out [][]int) {
			for _, d := range dates {
				_, off := d.Zone()
				out = append(out, []int{d.Year(), int(d.Month()), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond() / 1000, off})
			}
			return out
		}()})
	script := `
import json, re, sys, datetime
d = json.load(sys.stdin)
out = {"slugs": [], "names": [], "dates": []}
for m in d["msgs"]:
    for n in d["truncs"]:
        slug = "_".join(re.findall(r"\w+", m)).lower()
        if len(slug) > n:
            slug = slug[:n].rsplit("_", 1)[0] + "_"
        out["slugs"].append(slug)
for y, mo, da, h, mi, s, us, off in d["dates"]:
    tz = datetime.timezone(datetime.timedelta(seconds=off))
    dt = datetime.datetime(y, mo, da, h, mi, s, us, tzinfo=tz)
    out["dates"].append([str(dt.replace(tzinfo=None)), str(dt)])
    for tpl in d["templates"]:
        out["names"].append(tpl % {"rev": "1f3a9c2b7d4e", "slug": "add_table", "epoch": int(dt.timestamp()),
            "year": y, "month": mo, "day": da, "hour": h, "minute": mi, "second": s} + ".sql")
json.dump(out, sys.stdout)
`
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = strings.NewReader(string(input))
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var want struct {
		Slugs []string
		Names []string
		Dates [][2]string
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, m := range msgs {
		for _, n := range truncs {
			if got := Slug(m, n); got != want.Slugs[i] {
				t.Errorf("Slug(%q, %d) = %q, Python says %q", m, n, got, want.Slugs[i])
			}
			i++
		}
	}
	i = 0
	for k, d := range dates {
		if got := FormatCreateDate(d, false); got != want.Dates[k][0] {
			t.Errorf("FormatCreateDate(%v, false) = %q, Python says %q", d, got, want.Dates[k][0])
		}
		if got := FormatCreateDate(d, true); got != want.Dates[k][1] {
			t.Errorf("FormatCreateDate(%v, true) = %q, Python says %q", d, got, want.Dates[k][1])
		}
		for _, tpl := range templates {
			got, err := FileName(tpl, "1f3a9c2b7d4e", "add_table", d)
			if err != nil || got != want.Names[i] {
				t.Errorf("FileName(%q, %v) = %q, %v; Python says %q", tpl, d, got, err, want.Names[i])
			}
			i++
		}
	}
}
