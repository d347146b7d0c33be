package config

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnsetVariable is matched (errors.Is) by an UnsetVariableError.
var ErrUnsetVariable = errors.New("environment variable is not set")

// UnsetVariableError reports a ${NAME} reference without a default whose
// variable is not set.
type UnsetVariableError struct{ Name string }

func (e *UnsetVariableError) Error() string {
	return fmt.Sprintf("environment variable %s is not set (use ${%s:-default} to give a default)", e.Name, e.Name)
}

// Is makes errors.Is(err, ErrUnsetVariable) true.
func (e *UnsetVariableError) Is(target error) bool { return target == ErrUnsetVariable }

// Expand replaces ${VAR} and ${VAR:-default}; "$$" is a literal "$".
//
// ${VAR:-default} uses default when VAR is unset or empty, ${VAR-default}
// only when it is unset (as in the shell). A default may itself contain
// references: ${A:-${B:-x}}. A "$" followed by anything else is kept as it
// is, so passwords and SQL with a lone "$" need no escaping. ${VAR} whose
// VAR is unset is an *UnsetVariableError; a set but empty VAR expands to "".
func Expand(s string, getenv func(string) (string, bool)) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	out, _, err := expand(s, getenv, false)
	return out, err
}

// expand expands s up to its end, or (inDefault) up to the "}" closing the
// enclosing ${…:-default}; it returns the text after that "}".
func expand(s string, getenv func(string) (string, bool), inDefault bool) (string, string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inDefault && c == '}' {
			return b.String(), s[i+1:], nil
		}
		if c != '$' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i++
			continue
		case '{':
		default:
			b.WriteByte(c)
			continue
		}
		// ${NAME…}
		j := i + 2
		for j < len(s) && isNameByte(s[j], j == i+2) {
			j++
		}
		name := s[i+2 : j]
		if name == "" {
			return "", "", fmt.Errorf("invalid reference %q: a variable name (letters, digits, _) must follow ${", clip(s[i:]))
		}
		if j == len(s) {
			return "", "", fmt.Errorf("unterminated reference ${%s: missing }", name)
		}
		val, set := getenv(name)
		switch {
		case s[j] == '}':
			if !set {
				return "", "", &UnsetVariableError{Name: name}
			}
			b.WriteString(val)
			i = j
		case strings.HasPrefix(s[j:], ":-") || s[j] == '-':
			k := j + 1
			useDefault := !set
			if s[j] == ':' {
				k = j + 2
				useDefault = !set || val == ""
			}
			def, rest, err := expand(s[k:], getenv, true)
			if err != nil {
				if errors.Is(err, errUnterminated) {
					return "", "", fmt.Errorf("unterminated reference ${%s: missing }", name)
				}
				if useDefault {
					return "", "", err
				}
				// An unused default is never evaluated, as in the shell;
				// only its extent matters.
				rest, err = skipDefault(s[k:])
				if err != nil {
					return "", "", fmt.Errorf("unterminated reference ${%s: missing }", name)
				}
			}
			if useDefault {
				b.WriteString(def)
			} else {
				b.WriteString(val)
			}
			// Continue after the closing brace.
			s = rest
			i = -1
		default:
			return "", "", fmt.Errorf("invalid reference ${%s%c…}: write ${%s} or ${%s:-default}", name, s[j], name, name)
		}
	}
	if inDefault {
		return "", "", errUnterminated
	}
	return b.String(), "", nil
}

var errUnterminated = errors.New("unterminated")

// skipDefault returns the text after the "}" that closes a default,
// honouring nested ${…} and "$$".
func skipDefault(s string) (string, error) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '$':
			i++
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}':
			if depth == 0 {
				return s[i+1:], nil
			}
			depth--
		}
	}
	return "", errUnterminated
}

func isNameByte(c byte, first bool) bool {
	switch {
	case c == '_', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		return true
	case '0' <= c && c <= '9':
		return !first
	}
	return false
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}
