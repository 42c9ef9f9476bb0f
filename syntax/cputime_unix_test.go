//go:build unix

package syntax

import "syscall"

// cpuNanos is the CPU time (user and system) the process has used, so that
// benchmarks on a shared machine can report it beside the wall time.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
