//go:build !unix

package syntax

// cpuNanos is unknown here: the benchmarks report no CPU time.
func cpuNanos() int64 { return 0 }
