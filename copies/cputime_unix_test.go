//go:build unix

package copies

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used, so that benchmarks on
// a shared machine can report a cost that does not depend on how much of
// a core they were given.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
