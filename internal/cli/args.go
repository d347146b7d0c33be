package cli

import (
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// negativeArg matches relative targets that start with a minus sign:
// "-1", "-3:", "-2:current". No retort flag starts with a digit.
var negativeArg = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^-[0-9]`) })

// fixNegativeArgs lets `retort downgrade -1` and `retort history -r -3:` work
// as typed. pflag would read "-1" as a cluster of short flags, so every
// positional argument is moved after a "--" (keeping the command names and
// flags, with their values, in front) when one of them looks negative. A
// negative value right after a flag that takes a value (-r -3:) is left as
// the flag's value.
func fixNegativeArgs(root *cobra.Command, args []string) []string {
	cmd := root
	var front, positional []string
	negative := false
	for i := 0; i < len(args); i++ {
		arg := args[i]
		switch {
		case arg == "--":
			positional = append(positional, args[i+1:]...)
			i = len(args)
		case negativeArg().MatchString(arg):
			positional = append(positional, arg)
			negative = true
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			front = append(front, arg)
			if takesValue(cmd, arg) && i+1 < len(args) {
				i++
				front = append(front, args[i])
			}
		default:
			if len(positional) == 0 {
				if sub := findSub(cmd, arg); sub != nil {
					cmd = sub
					front = append(front, arg)
					continue
				}
			}
			positional = append(positional, arg)
		}
	}
	if !negative {
		return args
	}
	out := append(front, "--")
	return append(out, positional...)
}

// findSub returns the subcommand of cmd named (or aliased) name.
func findSub(cmd *cobra.Command, name string) *cobra.Command {
	for _, c := range cmd.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return c
		}
	}
	return nil
}

// takesValue reports whether the flag token arg (without "=value") expects
// its value in the next argument.
func takesValue(cmd *cobra.Command, arg string) bool {
	// Before cobra parses, a command's persistent flags are not yet merged
	// into Flags(): look in all three sets.
	sets := []*pflag.FlagSet{cmd.Flags(), cmd.PersistentFlags(), cmd.InheritedFlags()}
	lookup := func(name string) *pflag.Flag {
		for _, s := range sets {
			if f := s.Lookup(name); f != nil {
				return f
			}
		}
		return nil
	}
	short := func(c byte) *pflag.Flag {
		for _, s := range sets {
			if f := s.ShorthandLookup(string(c)); f != nil {
				return f
			}
		}
		return nil
	}
	if name, ok := strings.CutPrefix(arg, "--"); ok {
		if strings.Contains(name, "=") {
			return false
		}
		f := lookup(name)
		return f != nil && f.NoOptDefVal == ""
	}
	// A cluster of short flags: the first one that takes a value consumes the
	// rest of the token, or the next argument when it is last.
	cluster := arg[1:]
	for i := 0; i < len(cluster); i++ {
		if cluster[i] == '=' {
			return false
		}
		f := short(cluster[i])
		if f == nil {
			return false
		}
		if f.NoOptDefVal == "" {
			return i == len(cluster)-1
		}
	}
	return false
}
