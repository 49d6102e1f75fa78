//go:build unix

package clean

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user and system) the test process has
// used, garbage collection included, so that benchmarks on a busy shared
// machine can report a cost that does not depend on the share of a core
// they got.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
