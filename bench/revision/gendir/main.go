// Command gendir writes a migrations folder with many revisions for
// end-to-end timing of retort on large graphs:
//
//	go run ./bench/revision/gendir -n 10000 -branches 100 /tmp/m10k
//
// It writes DIR/retort.toml (SQLite database in DIR) and DIR/versions/ with
// one SQL revision file per revision: a trunk from which -branches side
// branches fork and are merged back. Ids are random 12-hex strings, so
// load order (file names) is unrelated to the graph's order.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	n := flag.Int("n", 10000, "number of revisions")
	branches := flag.Int("branches", 100, "side branches forked from the trunk and merged back")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gendir [-n N] [-branches B] DIR")
		os.Exit(2)
	}
	if err := generate(flag.Arg(0), *n, *branches, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gendir:", err)
		os.Exit(1)
	}
}

func generate(dir string, n, branches int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed))
	versions := filepath.Join(dir, "versions")
	if err := os.MkdirAll(versions, 0o755); err != nil {
		return err
	}
	// bench.db beside retort.toml: a relative path there is relative to it.
	toml := "script_location = \".\"\nurl = \"sqlite:///bench.db\"\nversion_table = \"alembic_version\"\n"
	if err := os.WriteFile(filepath.Join(dir, "retort.toml"), []byte(toml), 0o644); err != nil {
		return err
	}
	used := map[string]bool{}
	count := 0
	add := func(parents ...string) (string, error) {
		var id string
		for id == "" || used[id] {
			id = fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff)
		}
		used[id] = true
		count++
		body := fmt.Sprintf("-- Revision %d.\n--\n-- Revision ID: %s\n-- Revises: %s\n-- Create Date: 2024-01-01 00:00:00.000000\n"+
			"-- Branch Labels:\n-- Depends On:\n\n-- +retort upgrade\nCREATE TABLE t_%s (id INTEGER PRIMARY KEY);\n\n"+
			"-- +retort downgrade\nDROP TABLE t_%s;\n", count, id, strings.Join(parents, ", "), id, id)
		return id, os.WriteFile(filepath.Join(versions, fmt.Sprintf("%s_revision_%d.sql", id, count)), []byte(body), 0o644)
	}
	seg := n / max(branches*2, 1)
	seg = max(seg, 1)
	tip, err := add()
	if err != nil {
		return err
	}
	for b := 0; b < branches && count < n; b++ {
		side := tip
		for range seg {
			if tip, err = add(tip); err != nil {
				return err
			}
			if side, err = add(side); err != nil {
				return err
			}
		}
		if tip, err = add(tip, side); err != nil {
			return err
		}
	}
	for count < n {
		if tip, err = add(tip); err != nil {
			return err
		}
	}
	return nil
}
