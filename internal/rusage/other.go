//go:build !linux

package rusage

import "time"

// ThreadCPU is not measured on this system: it returns 0.
func ThreadCPU() time.Duration { return 0 }

// PeakRSS is not measured on this system: it returns 0.
func PeakRSS() int64 { return 0 }
