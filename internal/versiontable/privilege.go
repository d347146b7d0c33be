package versiontable

import (
	"context"
	"errors"
	"strings"

	"github.com/retortdb/retort/internal/dialect"
)

// ErrPrivilege is wrapped by errors that say the database user lacks a
// privilege retort needs (or, on SQLite, that the database is read-only).
var ErrPrivilege = errors.New("missing privilege")

// PrivilegeError is a database error caused by a missing privilege, with
// the grants that fix it. Nothing is reported about the tables' state: it
// could not be read.
type PrivilegeError struct {
	Err    error
	Grants []string // statements an administrator runs; none on SQLite
	Read   bool     // the failure was in reading the tables: their state is unknown
}

func (e *PrivilegeError) Error() string {
	msg := e.Err.Error()
	if e.Read {
		msg += "\nretort could not read its tables, so it reports nothing about the database's state"
	}
	if len(e.Grants) == 0 {
		return msg + "\nthe database is read-only to retort: it was opened with mode=ro, or the file or its " +
			"directory is not writable by this user; open it read-write or fix the permissions"
	}
	return msg + "\nthe database user lacks a privilege retort needs on its bookkeeping tables; " +
		"an administrator can grant them:\n    " + strings.Join(e.Grants, ";\n    ") + ";"
}

func (e *PrivilegeError) Unwrap() []error { return []error{ErrPrivilege, e.Err} }

// Denied returns err as a *PrivilegeError when the dialect says it is
// caused by a missing privilege, and nil otherwise (also when err already
// is one). The grants name every privilege retort uses on the version and
// history tables, for the user q is connected as.
func (t *Tables) Denied(ctx context.Context, q Querier, err error) error {
	pc, ok := t.D.(dialect.PrivilegeChecker)
	if err == nil || !ok || errors.Is(err, ErrPrivilege) || !pc.IsPrivilegeError(err) {
		return nil
	}
	user := pc.CurrentUser(ctx, q)
	named := *t
	if g, ok := t.D.(dialect.GrantSchemaNamer); ok && named.Schema == "" {
		named.Schema = g.GrantSchema(ctx, q)
	}
	var grants []string
	if g := pc.Grant("SELECT, INSERT, UPDATE, DELETE", named.Qualified(), user); g != "" {
		grants = append(grants, g)
		if t.History != "" {
			grants = append(grants, pc.Grant("SELECT, INSERT, UPDATE", named.HistoryQualified(), user))
		}
	}
	return &PrivilegeError{Err: err, Grants: grants}
}

// deniedRead is Denied for a failure to read the tables.
func (t *Tables) deniedRead(ctx context.Context, q Querier, err error) error {
	perr := t.Denied(ctx, q, err)
	if pe, ok := perr.(*PrivilegeError); ok {
		pe.Read = true
	}
	return perr
}
