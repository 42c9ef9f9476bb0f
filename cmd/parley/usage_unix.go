//go:build unix

package main

import (
	"runtime"
	"syscall"
)

// processUsage returns the CPU seconds (user, system) the process has used
// and its peak resident set in MB (10^6 bytes), from getrusage.
func processUsage() (user, sys, maxRSSMB float64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, -1
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	rss := float64(ru.Maxrss) * 1024 // KiB on Linux and the BSDs
	if runtime.GOOS == "darwin" {
		rss = float64(ru.Maxrss) // bytes on macOS
	}
	return tv(ru.Utime), tv(ru.Stime), rss / 1e6
}
