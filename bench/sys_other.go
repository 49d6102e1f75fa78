//go:build !linux

package bench

import "time"

// cpuTime returns 0: CPU time is read on Linux only.
func cpuTime() time.Duration { return 0 }

// peakRSS returns 0: the peak resident set size is read on Linux only.
func peakRSS() int64 { return 0 }

// loadAvg returns 0: the load average is read on Linux only.
func loadAvg() float64 { return 0 }
