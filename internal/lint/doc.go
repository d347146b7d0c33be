// Package lint owns `retort lint`: rules with stable ids over the statements
// of revision files, read in graph order while a schema is tracked from the
// DDL they run (so a table created earlier in the same revision is new, and
// a type change is judged from the column's known type).
//
// Statements are read by a small tokenizer-level classifier (parse.go), not
// a SQL parser: what it cannot classify is never reported. Dialect facts
// (which type changes rewrite a table, the identifier limit, whether DDL
// commits) come from the dialect value through dialect.LintAdvisor and the
// other capabilities; this package compares no dialect name.
//
// It imports internal/dialect (the capabilities) and internal/script (the
// revision files it reads); nothing that touches a database, nor the façade
// or the CLI.
package lint
