// Command retort manages database schema migrations: a graph of reviewed SQL
// revisions, upgrade and downgrade to any target, Alembic's version table.
//
//	retort init migrations
//	retort revision -m "create account table"
//	retort upgrade head
//
// See docs/commands.md, or run retort --help.
//
// It imports only the public cli package (internal/cli is allowed too): the
// binary is cli.Main and an exit code.
package main

import "github.com/retortdb/retort/cli"

func main() { cli.Main() }
