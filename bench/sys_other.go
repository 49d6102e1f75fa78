//go:build !linux

package bench

// loadAvg returns 0: the load average is read on Linux only.
func loadAvg() float64 { return 0 }
