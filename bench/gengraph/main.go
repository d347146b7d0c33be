// Command gengraph writes a synthetic migrations folder for benchmarks: a
// retort.toml and N revision files, either one linear chain or with branches
// that fork off the main line and merge back.
//
//	go run ./bench/gengraph -n 10000 -branches 100 -out /tmp/g10k
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 10000, "number of revisions")
	branches := flag.Int("branches", 0, "branches forked off and merged back (0 = linear)")
	out := flag.String("out", "", "output folder (created; must not exist)")
	url := flag.String("url", "sqlite:///bench.db", "url written to retort.toml")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gengraph: -out is required")
		os.Exit(2)
	}
	if err := run(*n, *branches, *out, *url); err != nil {
		fmt.Fprintln(os.Stderr, "gengraph:", err)
		os.Exit(1)
	}
}

func id(i int) string { return fmt.Sprintf("%012x", 0xa00000000000+i) }

func run(n, branches int, out, url string) error {
	versions := filepath.Join(out, "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	toml := fmt.Sprintf("script_location = \".\"\nurl = %q\n", url)
	if err := os.WriteFile(filepath.Join(out, "retort.toml"), []byte(toml), 0o644); err != nil {
		return err
	}
	// Every `span` revisions the main line forks a side branch of one
	// revision that the next main-line revision merges back.
	span := 0
	if branches > 0 {
		span = n / (branches + 1)
		if span < 3 {
			return fmt.Errorf("too many branches for %d revisions", n)
		}
	}
	prev := ""
	side := ""   // side-branch revision waiting to be merged back
	sideAge := 0 // main-line revisions written since the fork
	for i := 0; i < n; i++ {
		rid := id(i)
		body := fmt.Sprintf("CREATE TABLE t_%d (id INTEGER PRIMARY KEY)", i)
		var parents []string
		if prev != "" {
			parents = []string{prev}
		}
		if side != "" && sideAge >= 1 {
			parents = append(parents, side)
			side = ""
		} else if span > 0 && branches > 0 && side == "" && prev != "" && i%span == 0 && i+2 < n {
			// Fork: a side revision off prev; the main line continues from
			// prev as well, and a later main-line revision merges it back.
			branches--
			side, sideAge = rid, 0
			if err := write(versions, rid, i, parents, body); err != nil {
				return err
			}
			continue
		}
		if err := write(versions, rid, i, parents, body); err != nil {
			return err
		}
		if side != "" {
			sideAge++
		}
		prev = rid
	}
	return nil
}

func write(dir, rid string, i int, parents []string, body string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "-- revision %d\n--\n-- Revision ID: %s\n-- Revises: %s\n", i, rid, strings.Join(parents, ", "))
	fmt.Fprintf(&b, "-- Create Date: 2024-01-01 00:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n")
	fmt.Fprintf(&b, "-- +retort upgrade\n%s;\n\n-- +retort downgrade\nDROP TABLE t_%d;\n", body, i)
	return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s_revision_%d.sql", rid, i)), []byte(b.String()), 0o644)
}
