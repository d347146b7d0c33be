//go:build !unix

package script

func cpuTime() int64 { return 0 }
