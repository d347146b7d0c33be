package script

import (
	"errors"
	"strconv"
)

// Error is a parse error naming the place: "versions/x.sql:12: …".
type Error struct {
	Path string
	Line int // 1-based; 0 when the error is about the whole file
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.Path == "" && e.Line == 0:
		return e.Msg
	case e.Path == "":
		return "line " + strconv.Itoa(e.Line) + ": " + e.Msg
	case e.Line == 0:
		return e.Path + ": " + e.Msg
	}
	return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
}

// ErrUnknownRevision is returned by Set.Script for an id that no loaded file
// declares.
var ErrUnknownRevision = errors.New("no revision file declares this id")
