//go:build !unix

package main

// processUsage is not measured where getrusage does not exist.
func processUsage() (user, sys, maxRSSMB float64) { return 0, 0, -1 }
