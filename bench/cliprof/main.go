// Command cliprof is the retort command line with a CPU profile of the whole
// run written to $RETORT_CPUPROFILE (and a heap profile at exit to
// $RETORT_MEMPROFILE), for finding where a command's time goes:
//
//	go build -o /tmp/retort-prof ./bench/cliprof
//	RETORT_CPUPROFILE=/tmp/cpu.prof /tmp/retort-prof -c m/retort.toml upgrade head
//	go tool pprof -top /tmp/retort-prof /tmp/cpu.prof
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/retortdb/retort/cli"
)

func main() {
	if p := os.Getenv("RETORT_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	code := cli.Run(context.Background(), os.Args[1:])
	pprof.StopCPUProfile()
	if p := os.Getenv("RETORT_MEMPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	os.Exit(code)
}
